import type { components } from './portal-api.generated';

/** The portal API's shapes, generated from its OpenAPI document (`npm run api:types`). */
type Schemas = components['schemas'];

export type Me = Schemas['Me'];
export type RemoteSupportService = Schemas['RemoteSupportService'];
export type MachineGroup = Schemas['MachineGroup'];
export type Grant = Schemas['Grant'];
export type GrantMode = Schemas['GrantMode'];
export type Vendor = Schemas['Vendor'];
export type AccessibleGroup = Schemas['AccessibleGroup'];
export type User = Schemas['User'];
export type UserWithTotp = Schemas['UserWithTotp'];
export type AuditEvent = Schemas['AuditEvent'];
export type OtpauthUri = Schemas['OtpauthUri'];
export type OneTimePasswordReceipt = Schemas['OneTimePasswordReceipt'];
export type AccessReview = Schemas['AccessReview'];
export type AccessReviewSummary = Schemas['AccessReviewSummary'];
export type AccessReviewItem = Schemas['AccessReviewItem'];
export type AccessReviewDecisionRecord = Schemas['AccessReviewDecisionRecord'];
export type AccessReviewDecisionReceipt = Schemas['AccessReviewDecisionReceipt'];
export type EngineStatus = Schemas['EngineStatus'];
export type EngineObjectStatus = Schemas['EngineObjectStatus'];
export type GroupDevice = Schemas['GroupDevice'];
export type EngineFinding = Schemas['EngineFinding'];
export type RemoteSession = Schemas['RemoteSession'];
export type RemoteSessionKind = Schemas['RemoteSessionKind'];
export type RemoteSessionConsent = Schemas['RemoteSessionConsent'];
export type SyncChange = Schemas['SyncChange'];
export type SyncPage = Schemas['SyncPage'];
export type SyncType = SyncChange['type'];
