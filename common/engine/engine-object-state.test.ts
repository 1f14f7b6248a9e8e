import { describe, expect, it } from 'vitest';
import { engineStateOf } from './engine-object-state';

describe('an object\'s state in the remote-support system', () => {
  it('is read when the portal sent it', () => {
    expect(engineStateOf({ engineStatus: { state: 'pending', reason: null } })).toEqual({ state: 'pending', reason: null });
    expect(engineStateOf({ engineStatus: { state: 'failed', reason: 'MeshCentral: no such mesh' } })).toEqual({ state: 'failed', reason: 'MeshCentral: no such mesh' });
  });

  it('is absent for a group, grant or user cached from a portal that did not send it, or sent something else', () => {
    expect(engineStateOf({ id: 'g1' })).toBeUndefined();
    expect(engineStateOf({ engineStatus: null })).toBeUndefined();
    expect(engineStateOf({ engineStatus: { state: 'unknown' } })).toBeUndefined();
    expect(engineStateOf({ engineStatus: { state: 'failed', reason: 42 } })).toEqual({ state: 'failed', reason: null });
  });
});
