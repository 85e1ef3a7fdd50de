import type { VocabularyCommand } from './commands';
import { vocabularyDecider } from './decider';
import type { VocabularyEvent } from './events';
import { DeciderSpecification } from '../testing/decider-specification';
import { DEFAULT_EQUIPMENT_KINDS, DEFAULT_TRAINING_COURSES } from './defaults';
import { linesReferences, unknownTerms } from './check';
import { initialVocabularyState, type VocabularyState } from './state';

const spec = DeciderSpecification.for(vocabularyDecider);
const COUNTY = 'county-zhanyi';

const established: VocabularyEvent = {
  type: 'VocabularyEstablished',
  data: {
    countyId: COUNTY,
    vocabulary: 'equipment-kinds',
    terms: [
      { code: 'body-camera', name: '执法记录仪' },
      { code: 'vehicle', name: '执法车辆' },
    ],
  },
};
const add = (code: unknown, name: unknown): VocabularyCommand => ({ type: 'AddTerm', data: { code, name } as never });
const rename = (code: string, name: string): VocabularyCommand => ({ type: 'RenameTerm', data: { code, name } });

describe('vocabulary', () => {
  describe('EstablishVocabulary', () => {
    it('opens a county vocabulary with its first terms, trimmed', () => {
      spec
        .given([])
        .when({
          type: 'EstablishVocabulary',
          data: {
            countyId: COUNTY,
            vocabulary: 'equipment-kinds',
            terms: [{ code: ' body-camera', name: '执法记录仪 ' }, established.data.terms[1]!],
          },
        })
        .then([established]);
    });

    it('is done once', () => {
      spec
        .given([established])
        .when({ type: 'EstablishVocabulary', data: established.data })
        .thenFails({ kind: 'rule', code: 'vocabulary-already-established' });
    });

    it('refuses a code or a name twice, and an unknown vocabulary', () => {
      spec
        .given([])
        .when({
          type: 'EstablishVocabulary',
          data: {
            countyId: COUNTY,
            vocabulary: 'uniforms' as never,
            terms: [
              { code: 'drone', name: '无人机' },
              { code: 'drone', name: '航拍器' },
              { code: 'uav', name: '无人机' },
            ],
          },
        })
        .thenFails({
          kind: 'invalid',
          errors: [{ field: 'vocabulary' }, { field: 'terms[1].code' }, { field: 'terms[2].name' }],
        });
    });

    it('has defaults with distinct codes and names', () => {
      for (const terms of [DEFAULT_EQUIPMENT_KINDS, DEFAULT_TRAINING_COURSES]) {
        spec
          .given([])
          .when({ type: 'EstablishVocabulary', data: { countyId: COUNTY, vocabulary: 'training-courses', terms: [...terms] } })
          .thenState({ status: 'established', terms: [...terms] });
      }
    });
  });

  describe('AddTerm', () => {
    it('adds a term at the end', () => {
      const state = spec
        .given([established])
        .when(add('drone', '无人机'))
        .then([{ type: 'VocabularyTermAdded', data: { code: 'drone', name: '无人机' } }]);
      expect(state).toMatchObject({ terms: [{ code: 'body-camera' }, { code: 'vehicle' }, { code: 'drone', name: '无人机' }] });
    });

    it('writes nothing when the same term is added again', () => {
      spec.given([established]).when(add('vehicle', '执法车辆')).thenNothing();
    });

    it('refuses a code already there under another name, and a name already taken', () => {
      spec.given([established]).when(add('vehicle', '公务车')).thenFails({ kind: 'rule', code: 'term-already-in-vocabulary' });
      spec.given([established]).when(add('dashcam', '执法记录仪')).thenFails({ kind: 'rule', code: 'term-name-in-use' });
    });

    it('names every bad field', () => {
      spec
        .given([established])
        .when(add('no spaces/allowed', ''))
        .thenFails({
          kind: 'invalid',
          errors: [{ field: 'code' }, { field: 'name', message: 'must not be blank' }],
        });
      spec
        .given([established])
        .when(add(7, '名'.repeat(101)))
        .thenFails({ kind: 'invalid', errors: [{ field: 'code', message: 'is required' }, { field: 'name' }] });
    });

    it('needs an established vocabulary', () => {
      spec.given([]).when(add('drone', '无人机')).thenFails({ kind: 'not-found' });
    });
  });

  describe('RenameTerm', () => {
    it('renames a term and keeps its code and place', () => {
      const state = spec
        .given([established])
        .when(rename('vehicle', '执法执勤车辆'))
        .then([{ type: 'VocabularyTermRenamed', data: { code: 'vehicle', name: '执法执勤车辆', previousName: '执法车辆' } }]);
      expect(state).toMatchObject({
        terms: [
          { code: 'body-camera', name: '执法记录仪' },
          { code: 'vehicle', name: '执法执勤车辆' },
        ],
      });
    });

    it('writes nothing for the same name; refuses an unknown code and a name in use', () => {
      spec.given([established]).when(rename('vehicle', '执法车辆')).thenNothing();
      spec.given([established]).when(rename('boat', '执法船')).thenFails({ kind: 'not-found' });
      spec.given([established]).when(rename('vehicle', '执法记录仪')).thenFails({ kind: 'rule', code: 'term-name-in-use' });
    });
  });

  describe('unknownTerms', () => {
    const kinds = vocabularyDecider.evolve(initialVocabularyState, established);
    const courses: VocabularyState = {
      status: 'established',
      countyId: COUNTY,
      vocabulary: 'training-courses',
      terms: [{ code: '市容环卫执法实务', name: '市容环卫执法实务' }],
    };

    it('names each reference to a term the county does not have, with its code', () => {
      const references = linesReferences('requirements', {
        equipment: [
          { kind: 'body-camera', quantity: 2 },
          { kind: 'bodycamera', quantity: 1 },
        ],
        training: [{ course: ' 市容环卫执法实务 ', hours: 4 }, { course: '市容环卫执法', hours: 4 }, { hours: 1 }],
      });
      expect(unknownTerms({ 'equipment-kinds': kinds, 'training-courses': courses }, references)).toEqual([
        {
          field: 'requirements.equipment[1].kind',
          message: "'bodycamera' is not one of the county's equipment kinds",
          code: 'unknown-equipment-kind',
        },
        {
          field: 'requirements.training[1].course',
          message: "'市容环卫执法' is not one of the county's training courses",
          code: 'unknown-training-course',
        },
      ]);
    });

    it('checks nothing against a vocabulary that was never established', () => {
      expect(
        unknownTerms({ 'equipment-kinds': initialVocabularyState, 'training-courses': courses }, [
          { field: 'kind', vocabulary: 'equipment-kinds', value: 'anything' },
        ]),
      ).toEqual([]);
    });
  });
});
