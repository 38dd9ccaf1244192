import { describe, expect, it } from 'vitest';
import { inboundContactKey } from './contact-key.ts';
import { createInboundInFlight } from './inbound-in-flight.ts';

describe('deliveries in flight', () => {
  const ana = inboundContactKey('ch', '5584990000001', null);
  const bia = inboundContactKey('ch', null, 'BR.user.1');

  it('holds a contact until every delivery of theirs is stored, and says whether a claim left them out', () => {
    let t = 0;
    const inFlight = createInboundInFlight(50, () => t);
    const first = inFlight.hold([ana, ana]);
    const second = inFlight.hold([ana, bia]);
    expect(inFlight.held().sort()).toEqual([ana, bia].sort());
    expect(first()).toBe(true);
    expect(first()).toBe(false);
    expect(inFlight.held().sort()).toEqual([ana, bia].sort());
    expect(second()).toBe(true);
    expect(inFlight.held()).toEqual([]);
    const unseen = inFlight.hold([ana]);
    t += 10;
    expect(unseen()).toBe(false);
  });

  it('stops holding a contact whose store takes longer than the bound', () => {
    let t = 0;
    const inFlight = createInboundInFlight(50, () => t);
    const release = inFlight.hold([ana]);
    t = 50;
    expect(inFlight.held()).toEqual([ana]);
    t = 51;
    expect(inFlight.held()).toEqual([]);
    expect(release()).toBe(true);
  });
});
