import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { api } from '../api/endpoints';
import type { Vocabularies, Vocabulary, VocabularyList, VocabularyTerm } from '../api/types';
import { useAsync } from '../components/useAsync';
import { I18nContext, makeI18n, useI18n, type TermNames } from '../i18n/i18n';
import { useSession } from '../session/session';
import { useCountyConfig } from './county-config';
import { Loading } from './Loading';

export interface CountyVocabularies {
  /** The terms of a vocabulary in the order they were added (empty for the system admin, who has no county). */
  terms(vocabulary: Vocabulary): readonly VocabularyTerm[];
  version(vocabulary: Vocabulary): number;
  /** Takes what a write answered (POST / PUT /vocabularies/…), so every list and name shows it at once. */
  update(list: VocabularyList): void;
}

const VocabulariesContext = createContext<CountyVocabularies | null>(null);

/** Code → name of each vocabulary, what the i18n below shows kinds and courses by. */
export function termNames(vocabularies: Vocabularies | undefined): TermNames {
  const names = (vocabulary: Vocabulary) => new Map((vocabularies?.[vocabulary].terms ?? []).map((term) => [term.code, term.name]));
  return { 'equipment-kinds': names('equipment-kinds'), 'training-courses': names('training-courses') };
}

/**
 * The county's vocabularies (GET /vocabularies), loaded once signed in: the pickers of kinds and courses
 * read them with `useVocabularies()`, and the i18n below names kinds and courses by them (`i18n.term`).
 * A failed load leaves the codes shown as they are rather than locking the user out.
 */
export function VocabulariesProvider({ children }: { children: ReactNode }) {
  const i18n = useI18n();
  const { timeZone } = useCountyConfig();
  const { user, expired } = useSession();
  const hasCounty = Boolean(user?.countyId);
  const loaded = useAsync(() => (hasCounty ? api.vocabularies() : Promise.resolve(undefined)), [hasCounty, expired]);
  const data = loaded.data;
  const { setData } = loaded;
  const update = useCallback(
    (list: VocabularyList) => {
      if (data) setData({ ...data, [list.vocabulary]: list });
    },
    [data, setData],
  );
  const value = useMemo<CountyVocabularies>(
    () => ({
      terms: (vocabulary) => data?.[vocabulary].terms ?? [],
      version: (vocabulary) => data?.[vocabulary].version ?? 0,
      update,
    }),
    [data, update],
  );
  const named = useMemo(
    () => makeI18n(i18n.language, i18n.setLanguage, timeZone, termNames(data)),
    [i18n.language, i18n.setLanguage, timeZone, data],
  );
  if (loaded.loading && data === undefined && hasCounty) return <Loading />;
  return (
    <VocabulariesContext.Provider value={value}>
      <I18nContext.Provider value={named}>{children}</I18nContext.Provider>
    </VocabulariesContext.Provider>
  );
}

export function useVocabularies(): CountyVocabularies {
  const vocabularies = useContext(VocabulariesContext);
  if (vocabularies === null) throw new Error('useVocabularies outside VocabulariesProvider');
  return vocabularies;
}
