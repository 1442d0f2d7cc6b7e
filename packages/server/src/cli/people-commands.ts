import {
  allowedOriginsSchema,
  displayNameSchema,
  emailSchema,
  KEY_KINDS,
  type KeyKind,
  passwordSchema,
  roleSchema,
} from '@rapport/protocol/schemas';
import type { z } from 'zod';
import type { CliConfig } from '../cli-config';
import { hashPassword } from '../people/passwords';
import { recordAudit } from '../store/audit-log';
import { createPgliteStore, createPostgresStore, migrate, type Store } from '../store/index';
import { createUser, findUserByEmail, setMembership } from '../store/people/users';
import { createProject, rotateKey } from '../store/project-keys';
import { findProjectById, listProjects } from '../store/projects';
import { type ParsedArgs, parseArgs, required, single } from './args';

/** Usage lines for the people and project commands (added to `rapport help`). */
export const PEOPLE_USAGE = `  user create --email E --role owner|admin|member [--name N] [--project ID]
            create a console account; the password is read from stdin. Without --project
            the role applies in every existing project
  project create --name NAME --origin URL [--origin URL…] [--json]
            create a project; prints its keys (the secret key only this once)
  project list
            list projects with their publishable keys
  project rotate-key --project ID [--key secret|publishable|identity]
            replace a key (default secret; the old secret key works 24 more hours)`;

/** Parses a flag's value with a protocol schema; a readable error names the flag. */
function valid<S extends z.ZodType>(schema: S, value: unknown, flag: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`${flag}: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter and Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function userCreate(store: Store, args: ParsedArgs) {
  const email = valid(emailSchema, required(args, 'email'), '--email');
  const role = valid(roleSchema, required(args, 'role'), '--role');
  const name = valid(displayNameSchema, single(args, 'name') ?? email.split('@')[0], '--name');
  const projectId = single(args, 'project');
  const projects = projectId
    ? [await findProjectById(store.db, projectId)]
    : await listProjects(store.db);
  if (projects.some((project) => !project)) throw new Error(`No project ${projectId}.`);
  if (await findUserByEmail(store.db, email)) throw new Error(`A user with email ${email} exists.`);
  const password = valid(passwordSchema, await readStdin(), 'password (stdin)');
  const now = new Date();
  const user = await createUser(
    store.db,
    { email, name, passwordHash: await hashPassword(password) },
    now,
  );
  for (const project of projects) {
    if (project) await setMembership(store.db, project.id, user.id, role, now);
  }
  const where = projects.map((project) => project?.id).join(', ') || 'no project yet';
  process.stdout.write(`Created ${email} (${user.id}) as ${role} in ${where}.\n`);
}

async function projectCreate(store: Store, args: ParsedArgs) {
  const name = valid(displayNameSchema, required(args, 'name'), '--name');
  const allowedOrigins = valid(allowedOriginsSchema, args.values.get('origin') ?? [], '--origin');
  const { project, secretKey } = await createProject(store.db, { name, allowedOrigins });
  await recordAudit(
    store.db,
    { projectId: project.id, actor: null, action: 'project_created', target: project.id },
    new Date(),
  );
  const keys = {
    id: project.id,
    name: project.name,
    publishableKey: project.publishableKey,
    secretKey,
    identitySecret: project.identitySecret,
  };
  if (args.switches.has('json')) {
    process.stdout.write(`${JSON.stringify(keys)}\n`);
    return;
  }
  process.stdout.write(
    [
      `Created project ${project.name} (${project.id}).`,
      `  publishable key  ${keys.publishableKey}`,
      `  secret key       ${keys.secretKey}   (shown once: store it now)`,
      `  identity secret  ${keys.identitySecret}`,
      '',
    ].join('\n'),
  );
}

async function projectList(store: Store) {
  const projects = await listProjects(store.db);
  if (projects.length === 0) process.stdout.write('No projects yet.\n');
  for (const project of projects) {
    process.stdout.write(
      `${project.id}\t${project.name}\t${project.publishableKey}\t${project.allowedOrigins.join(',')}\n`,
    );
  }
}

async function projectRotateKey(store: Store, args: ParsedArgs) {
  const projectId = required(args, 'project');
  const kind = (single(args, 'key') ?? 'secret') as KeyKind;
  if (!KEY_KINDS.includes(kind)) throw new Error(`--key must be one of ${KEY_KINDS.join(', ')}.`);
  const now = new Date();
  const rotated = await rotateKey(store.db, projectId, kind, now);
  if (!rotated) throw new Error(`No project ${projectId}.`);
  await recordAudit(store.db, { projectId, actor: null, action: 'key_rotated', target: kind }, now);
  for (const [field, value] of Object.entries(rotated))
    process.stdout.write(`${field}\t${value}\n`);
}

function openStore(config: CliConfig): Promise<Store> | Store {
  if (config.databaseUrl) return createPostgresStore({ connectionString: config.databaseUrl });
  // Refused while a running server holds the data directory (the store takes a lock).
  return createPgliteStore({ dataDir: config.dataDir });
}

/**
 * Runs `rapport user …` or `rapport project …`. Returns false for a command it does not know.
 *
 * @example
 * await runPeopleCommand(['project', 'create', '--name', 'Shop', '--origin', 'https://shop.example', '--json'], config);
 */
export async function runPeopleCommand(argv: string[], config: CliConfig): Promise<boolean> {
  const [group, action, ...rest] = argv;
  const commands: Record<string, (store: Store, args: ParsedArgs) => Promise<void>> = {
    'user create': userCreate,
    'project create': projectCreate,
    'project list': (store) => projectList(store),
    'project rotate-key': projectRotateKey,
  };
  const run = commands[`${group} ${action}`];
  if (!run) return false;
  const args = parseArgs(rest);
  const store = await openStore(config);
  try {
    await migrate(store);
    await run(store, args);
  } finally {
    await store.close();
  }
  return true;
}
