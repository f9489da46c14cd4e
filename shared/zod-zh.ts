import { z } from 'zod';

/** Zod's own messages in Chinese, for the checks that have no hand-written message. */
z.config(z.locales.zhCN());
export {};
