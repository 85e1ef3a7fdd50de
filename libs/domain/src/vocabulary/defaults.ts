import type { Vocabulary, VocabularyTerm } from './terms';

/**
 * The vocabularies every new county starts with: the equipment of the sample catalogue and of
 * everyday township enforcement, and the courses of the sample catalogue. The county office renames
 * and adds to them. A course's code is its title as first recorded, so the codes that records
 * already carry stay valid; kinds have short English codes.
 */
export const DEFAULT_EQUIPMENT_KINDS: readonly VocabularyTerm[] = [
  { code: 'body-camera', name: '执法记录仪' },
  { code: 'camera', name: '照相机' },
  { code: 'vehicle', name: '执法车辆' },
  { code: 'mobile-terminal', name: '移动执法终端' },
  { code: 'uniform', name: '执法制服' },
  { code: 'seal-strip', name: '封条' },
  { code: 'seal-strip-kit', name: '查封扣押用品套装' },
  { code: 'drone', name: '无人机' },
  { code: 'fume-monitor', name: '油烟检测仪' },
  { code: 'gps-surveyor', name: '卫星定位测量仪' },
  { code: 'boat', name: '执法船' },
  { code: 'id-verifier', name: '身份证核验终端' },
];

const course = (title: string): VocabularyTerm => ({ code: title, name: title });

export const DEFAULT_TRAINING_COURSES: readonly VocabularyTerm[] = [
  course('行政处罚法'),
  course('市容环卫执法实务'),
  course('城市道路管理执法'),
  course('行政强制措施程序'),
  course('市场监管执法实务'),
  course('无证无照经营查处'),
  course('大气污染防治执法'),
  course('农村宅基地执法'),
  course('城乡规划执法'),
  course('消防监督执法'),
  course('河道管理执法'),
  course('文化市场执法'),
];

export const DEFAULT_VOCABULARIES: Readonly<Record<Vocabulary, readonly VocabularyTerm[]>> = {
  'equipment-kinds': DEFAULT_EQUIPMENT_KINDS,
  'training-courses': DEFAULT_TRAINING_COURSES,
};
