import { InvalidMetadataError } from './errors';
import { validateEventMetadata } from './event-metadata';

const valid = {
  actor: 'user:zhang',
  countyId: 'county-330106',
  correlationId: 'req-1',
  causationId: null,
  occurredAt: '2025-03-01T08:00:00.000Z',
};

describe('validateEventMetadata', () => {
  it('accepts complete metadata and keeps only the known fields', () => {
    expect(validateEventMetadata({ ...valid, extra: 'dropped' })).toEqual(valid);
    expect(
      validateEventMetadata({ ...valid, countyId: null, causationId: 'cmd-9', occurredAt: '2025-03-01T16:00:00+08:00' }),
    ).toMatchObject({ countyId: null, causationId: 'cmd-9' });
  });

  it.each(['actor', 'countyId', 'correlationId', 'causationId', 'occurredAt'])('rejects metadata without %s', (field) => {
    const { [field as keyof typeof valid]: _omitted, ...rest } = valid;
    expect(() => validateEventMetadata(rest)).toThrow(InvalidMetadataError);
    expect(() => validateEventMetadata(rest)).toThrow(expect.objectContaining({ field, reason: expect.stringContaining('required') }));
  });

  it.each([
    ['actor', ''],
    ['actor', 42],
    ['correlationId', '  '],
    ['countyId', ''],
    ['causationId', 7],
    ['occurredAt', 'yesterday'],
    ['occurredAt', '2025-03-01'],
    ['occurredAt', '2025-13-45T99:00:00Z'],
  ])('rejects %s = %p', (field, value) => {
    expect(() => validateEventMetadata({ ...valid, [field]: value })).toThrow(
      expect.objectContaining({ name: 'InvalidMetadataError', field }),
    );
  });

  it('rejects a missing or non-object metadata', () => {
    expect(() => validateEventMetadata(undefined)).toThrow(InvalidMetadataError);
    expect(() => validateEventMetadata(['actor'])).toThrow(InvalidMetadataError);
  });
});
