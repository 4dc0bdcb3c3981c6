import { useStageName, type Pipeline } from '../../../lib/queries/pipelines';
import type { Team, User } from '../../../lib/queries/people';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** <option>s of the active people, by name. */
export function UserOptions({ users }: { users: User[] | undefined }) {
  return (
    <>
      {(users ?? [])
        .filter((u) => u.active)
        .sort(byName)
        .map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
    </>
  );
}

export function TeamOptions({ teams }: { teams: Team[] | undefined }) {
  return (
    <>
      {[...(teams ?? [])].sort(byName).map((team) => (
        <option key={team.id} value={team.id}>
          {team.name}
        </option>
      ))}
    </>
  );
}

/** The stages of one pipeline, or of every pipeline grouped under its name. */
export function StageOptions({
  pipelines,
  pipelineId,
}: {
  pipelines: Pipeline[] | undefined;
  pipelineId?: string | undefined;
}) {
  const stageName = useStageName();
  const shown = (pipelines ?? []).filter((p) => !pipelineId || p.id === pipelineId);
  const options = (p: Pipeline) =>
    p.stages.map((s) => (
      <option key={s.id} value={s.id}>
        {stageName(s.name)}
      </option>
    ));
  if (shown.length === 1 && shown[0]) return <>{options(shown[0])}</>;
  return (
    <>
      {shown.map((p) => (
        <optgroup key={p.id} label={stageName(p.name)}>
          {options(p)}
        </optgroup>
      ))}
    </>
  );
}
