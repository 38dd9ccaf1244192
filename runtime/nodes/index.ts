import type { NodeType } from '../../shared/flow/schema.ts';
import type { Executor } from '../executor.ts';
import { agent } from './agent.ts';
import { condition } from './condition.ts';
import { end } from './end.ts';
import { financing } from './financing.ts';
import { goto } from './goto.ts';
import { handoff } from './handoff.ts';
import { http } from './http.ts';
import { llm } from './llm.ts';
import { menu } from './menu.ts';
import { message } from './message.ts';
import { note } from './note.ts';
import { payment } from './payment.ts';
import { product_picker } from './product_picker.ts';
import { question } from './question.ts';
import { schedule } from './schedule.ts';
import { set } from './set.ts';
import { start } from './start.ts';
import { wait } from './wait.ts';

/** One executor per node type; the compiler points at a missing one. */
export const executors = {
  start,
  message,
  menu,
  question,
  condition,
  set,
  http,
  product_picker,
  financing,
  llm,
  agent,
  handoff,
  wait,
  goto,
  end,
  note,
  schedule,
  payment,
} satisfies { [T in NodeType]: Executor<T> };
