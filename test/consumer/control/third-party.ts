// Control: the same third-party imports without @stocksync/db, so the check can tell drizzle-orm's
// own declaration errors (present for any consumer under skipLibCheck: false) from the package's.
import { eq } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { createInsertSchema } from 'drizzle-zod';
import { Hono } from 'hono';
import express from 'express';
import { z } from 'zod';
import { expectTypeOf } from 'vitest';

const notes = pgTable('notes', { body: text().notNull() });
export const schema = createInsertSchema(notes);
export const app = new Hono();
export const server = express();
export const q = eq(notes.body, 'x');
expectTypeOf(z.string()).not.toBeAny();
