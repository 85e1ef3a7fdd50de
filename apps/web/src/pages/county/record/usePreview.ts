import { useEffect, useMemo, useState } from 'react';
import { api } from '../../../api/endpoints';
import type { Gap, Power, Team } from '../../../api/types';
import { useCountyConfig } from '../../../app/county-config';
import { committedFrom } from '../../../components/CommittedEditor';
import { previewGaps, requirementRows, type RequirementRow } from '../../../domain/readiness';
import { sanitize, type HandoverForm } from './draft';

export interface Preview {
  power: Power | undefined;
  department: string;
  /** Undefined until both the power and the team are chosen and loaded. */
  result: { gaps: Gap[]; rows: RequirementRow[] } | undefined;
  error: unknown;
}

/** Loads the chosen power and team and applies the domain's readiness rule to what is typed, before saving. */
export function usePreview(values: HandoverForm, ownDepartment: string | undefined): Preview {
  const config = useCountyConfig();
  const [power, setPower] = useState<Power | undefined>(undefined);
  const [team, setTeam] = useState<Team | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  useLoaded(values.powerCode, (code) => api.power(code), setPower, setError);
  useLoaded(values.teamId, (teamId) => api.team(teamId), setTeam, setError);

  const department = ownDepartment ?? power?.department ?? '';
  const committed = useMemo(() => committedFrom(values.committed), [values.committed]);
  const result = useMemo(() => {
    if (!power || !team) return undefined;
    const today = config.today();
    try {
      const gaps = previewGaps({
        requirements: power.requirements,
        team,
        committed: sanitize(committed),
        department,
        effectiveOn: values.effectiveOn,
        today,
      });
      return { gaps, rows: requirementRows(power.requirements, team, values.effectiveOn, today) };
    } catch {
      return undefined;
    }
  }, [power, team, committed, department, values.effectiveOn, config]);
  return { power, department, result, error };
}

/** Loads `key`'s value whenever it changes (the last answer wins); undefined while loading or without a key. */
function useLoaded<T>(
  key: string | undefined,
  load: (key: string) => Promise<T>,
  set: (value: T | undefined) => void,
  fail: (error: unknown) => void,
) {
  useEffect(() => {
    let live = true;
    set(undefined);
    if (key)
      load(key).then(
        (value) => live && set(value),
        (caught: unknown) => live && fail(caught),
      );
    return () => {
      live = false;
    };
  }, [key]);
}
