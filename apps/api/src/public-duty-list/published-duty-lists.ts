/** The three categories of a township's duty list, in the order the public page shows them. */
export const PUBLIC_CATEGORIES = ['basic', 'assisting', 'returned'] as const;
export type PublicCategory = (typeof PUBLIC_CATEGORIES)[number];

/** One item of a published version, as residents see it. */
export interface PublicDutyItem {
  readonly name: string;
  readonly domain: string;
  readonly category: PublicCategory;
  readonly cooperation?: string;
  readonly leadDepartment?: string;
  readonly contact?: string;
  readonly dutyCode?: string;
  readonly powerCode?: string;
}

/** A published version of a township's list, frozen as it was published. */
export interface PublishedDutyList {
  readonly version: number;
  readonly publishedAt: string;
  readonly decisionRef: string;
  readonly items: readonly PublicDutyItem[];
}

/** Where the public endpoints read the latest published version of a township's list (never a draft). */
export abstract class PublishedDutyLists {
  abstract latest(townshipId: string): Promise<PublishedDutyList | undefined>;
}
