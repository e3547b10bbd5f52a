// Hono and Express: the tenant middleware's variables are typed, errors become problem+json.
import express from 'express';
import { Hono } from 'hono';
import { expectTypeOf } from 'vitest';
import { expressErrorHandler, honoErrorHandler, problemOf, projects, type Database, type Project, type ProblemDetails } from '@stocksync/db';
import {
  expressTenantMiddleware,
  honoTenantMiddleware,
  type Actor,
  type ResolvedTenant,
  type TenantDatabase,
  type TenantVariables,
} from '@stocksync/db/tenancy';

declare const db: Database;

const app = new Hono<{ Variables: TenantVariables }>();
app.use(honoTenantMiddleware({ db, baseDomains: ['example.com'], actor: () => ({ userId: 'u', role: 'member' }) }));
app.get('/projects', async (c) => {
  expectTypeOf(c.get('tenant')).toEqualTypeOf<ResolvedTenant>();
  expectTypeOf(c.get('tenantDb')).toEqualTypeOf<TenantDatabase<Database>>();
  expectTypeOf(c.get('actor')).toEqualTypeOf<Actor | undefined>();
  const rows = await c.get('tenantDb').select().from(projects);
  expectTypeOf(rows).toEqualTypeOf<Project[]>();
  const withTasks = await c.get('tenantDb').query.projects.findMany({ with: { tasks: true } });
  expectTypeOf(withTasks[0]!.tasks[0]!.title).toEqualTypeOf<string>();
  return c.json(rows);
});
app.onError(honoErrorHandler({ onError: (e) => expectTypeOf(e).toBeUnknown() }));

const server = express();
server.use(expressTenantMiddleware({ db, baseDomains: ['example.com'] }));
server.use(expressErrorHandler());

const problem = problemOf(new Error('x'));
expectTypeOf(problem.body).toEqualTypeOf<ProblemDetails>();
expectTypeOf(problem.status).toEqualTypeOf<number>();
