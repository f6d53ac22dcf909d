import { describe, expect, it } from 'vitest';
import { landingPath } from './navigation';

describe('landingPath', () => {
  const org = (id: string, projects: string[]) => ({ id, name: id, role: 'owner' as const, projects: projects.map((p) => ({ id: p, name: p })) });

  it("sends the user to the first project of the first organization that has one", () => {
    expect(landingPath([org('o1', []), org('o2', ['p2', 'p3'])])).toBe('/projects/p2');
  });

  it('falls back to the first organization, then to nothing', () => {
    expect(landingPath([org('o1', []), org('o2', [])])).toBe('/orgs/o1');
    expect(landingPath([])).toBeNull();
  });
});
