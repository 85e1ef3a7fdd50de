import { DEFAULT_ASSESSMENT_WEIGHTS } from '@fangquan/domain';
import { ConfigError, loadAppConfig } from './app-config';

describe('ASSESSMENT_WEIGHTS', () => {
  const weights = (value: string | undefined) => loadAppConfig({ ASSESSMENT_WEIGHTS: value }).assessmentWeights;

  it('takes the documented defaults unless told', () => {
    expect(weights(undefined)).toEqual(DEFAULT_ASSESSMENT_WEIGHTS);
  });

  it('takes a JSON object naming the six parts', () => {
    const given = { acceptedOnTime: 10, arrivedOnTime: 10, resolvedOnTime: 10, resolution: 10, rating: 40, satisfaction: 20 };
    expect(weights(JSON.stringify(given))).toEqual(given);
  });

  it('stops the start on malformed JSON, a missing or negative part, or a townships’ rating under 30%, naming the variable', () => {
    expect(() => weights('rating=40')).toThrow(/ASSESSMENT_WEIGHTS/);
    expect(() => weights(JSON.stringify({ ...DEFAULT_ASSESSMENT_WEIGHTS, resolution: -1 }))).toThrow(/ASSESSMENT_WEIGHTS: resolution/);
    const { satisfaction: _left, ...missing } = DEFAULT_ASSESSMENT_WEIGHTS;
    expect(() => weights(JSON.stringify(missing))).toThrow(/satisfaction/);
    const veto = { acceptedOnTime: 40, arrivedOnTime: 20, resolvedOnTime: 20, resolution: 10, rating: 5, satisfaction: 5 };
    expect(() => weights(JSON.stringify(veto))).toThrow(ConfigError);
    expect(() => weights(JSON.stringify(veto))).toThrow(/30%/);
  });
});
