import type { Culture } from './settings';

export type Role = 'developer' | 'operator' | 'release-manager';

export interface Person {
  id: string;
  name: string;
  role: Role;
  /** Job title as the team would say it. */
  title: string;
}

const DEVELOPER_NAMES = ['Priya', 'Marcus', 'Aiko', 'Diego', 'Fatima', 'Lars', 'Chen', 'Amara', 'Tomás', 'Ingrid', 'Kofi', 'Mei'];
const OPERATORS: Person[] = [
  { id: 'olga', name: 'Olga', role: 'operator', title: 'Operations engineer' },
  { id: 'kwame', name: 'Kwame', role: 'operator', title: 'Operations engineer' },
];
const RELEASE_MANAGER: Person = { id: 'helen', name: 'Helen', role: 'release-manager', title: 'Release manager' };

export interface Team {
  developers: Person[];
  operators: Person[];
  releaseManager: Person;
  /** Who approves releases in Continuous Delivery. */
  approver: Person;
  everyone: Person[];
}

/**
 * The team. In DevOps culture one team owns the service and developers share the pager; in silos
 * Operations is a separate team behind a ticket queue and alone on call.
 */
export function createTeam(developers: number, culture: Culture): Team {
  const devs: Person[] = DEVELOPER_NAMES.slice(0, developers).map((name, i) => ({
    id: name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z]/g, ''),
    name,
    role: 'developer',
    title: i === 0 ? 'Tech lead' : 'Developer',
  }));
  const approver = culture === 'devops' ? devs[0]! : { ...OPERATORS[0]!, title: 'Change manager (Ops)' };
  const operators = culture === 'devops' ? OPERATORS : OPERATORS.map((p, i) => (i === 0 ? approver : p));
  return {
    developers: devs,
    operators,
    releaseManager: RELEASE_MANAGER,
    approver,
    everyone: [...devs, ...operators, RELEASE_MANAGER],
  };
}

/** Who carries the pager at time `t`: a weekly rotation over the people the culture puts on call. */
export function onCallAt(team: Team, culture: Culture, t: number): Person {
  const rota = culture === 'devops' ? [...team.developers, ...team.operators] : team.operators;
  const week = Math.floor(t / (7 * 24 * 60));
  return rota[week % rota.length]!;
}
