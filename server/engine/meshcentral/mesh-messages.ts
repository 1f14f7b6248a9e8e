import { z } from 'zod';

/**
 * The parts of MeshCentral's control-channel messages (control.ashx, meshuser.js 1.1.55) the client reads.
 * Objects are loose (`z.looseObject`): MeshCentral adds fields between versions and the client must not
 * break on them; every field it USES is checked here.
 *
 * Ids: device group `mesh/<domain>/<id>`, user `user/<domain>/<lower-case name>`, user group
 * `ugrp/<domain>/<id>`, device `node/<domain>/<id>`; the default domain is '' (so `mesh//…`).
 */
const links = z.record(z.string(), z.looseObject({ rights: z.number().optional() }));

export const serverInfoMessage = z.looseObject({
  action: z.literal('serverinfo'),
  serverinfo: z.looseObject({
    domain: z.string(),
    name: z.string().optional(),
    /** SHA-384 of the HTTPS certificate, upper-case hex: the same value the client pins. */
    tlshash: z.string().optional(),
    serverTime: z.number().optional(),
    consent: z.number().optional(),
  }),
});

export const userInfoMessage = z.looseObject({
  action: z.literal('userinfo'),
  userinfo: z.looseObject({ _id: z.string(), name: z.string(), siteadmin: z.number().optional(), consent: z.number().optional(), links: links.optional() }),
});

/** Sent instead of userinfo when the login is refused, then the socket is closed (webserver.js ~8655). */
export const closeMessage = z.looseObject({ action: z.literal('close'), cause: z.string().optional(), msg: z.string().optional() });

/** The answer to every command sent with a `responseid`: 'ok' (sometimes 'OK') or a reason. */
export const resultMessage = z.looseObject({ responseid: z.string(), result: z.string() });

export const meshSchema = z.looseObject({
  _id: z.string(),
  name: z.string(),
  mtype: z.number(),
  desc: z.string().optional().nullable(),
  consent: z.number().optional().nullable(),
  links: links.optional(),
});
export const meshesMessage = z.looseObject({ action: z.literal('meshes'), meshes: z.array(meshSchema) });

export const userGroupSchema = z.looseObject({
  _id: z.string().optional(),
  name: z.string(),
  desc: z.string().optional().nullable(),
  consent: z.number().optional().nullable(),
  links: links.optional(),
});
/** `ugroups` is null when there are none; a non-administrator gets names only. */
export const userGroupsMessage = z.looseObject({ action: z.literal('usergroups'), ugroups: z.record(z.string(), userGroupSchema).nullable() });

export const userSchema = z.looseObject({
  _id: z.string(),
  name: z.string(),
  email: z.string().nullish(),
  realname: z.string().optional(),
  siteadmin: z.number().optional(),
  consent: z.number().optional(),
  links: links.optional(),
});
export const usersMessage = z.looseObject({ action: z.literal('users'), users: z.array(userSchema) });

export const nodeSchema = z.looseObject({
  _id: z.string(),
  name: z.string(),
  osdesc: z.string().optional(),
  /** Connectivity bits: 1 agent, 2 Intel AMT CIRA, 4 Intel AMT LAN, 8 relay, 16 MQTT. */
  conn: z.number().optional(),
  consent: z.number().optional(),
  agent: z.looseObject({ id: z.number(), ver: z.number().optional() }).optional(),
});
/** Nodes grouped by device group id (the group id is taken out of each node). */
export const nodesMessage = z.looseObject({ action: z.literal('nodes'), nodes: z.record(z.string(), z.array(nodeSchema)) });

/** Last connect or disconnect time per node id (ms since the epoch), for the devices the caller may see. */
export const lastConnectsMessage = z.looseObject({ action: z.literal('lastconnects'), lastconnects: z.record(z.string(), z.number()) });

/**
 * A device's stored events, newest first (meshuser.js ~1043). Each event is read on its own by mesh-sessions.ts,
 * so one MeshCentral writes differently leaves out that one, not the answer.
 */
export const eventsMessage = z.looseObject({ action: z.literal('events'), events: z.array(z.unknown()) });

export const createMeshResult = resultMessage.extend({ meshid: z.string().optional() });
export const createUserGroupResult = resultMessage.extend({ ugrpid: z.string().optional() });
export const addUsersToGroupResult = resultMessage.extend({ added: z.number().optional(), failed: z.number().optional() });
export const addMeshUserResult = resultMessage.extend({ success: z.number().optional(), failed: z.number().optional() });
