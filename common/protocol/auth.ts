import { z } from 'zod';

/** HTTP contract of sign-in (POST /api/auth/login) and of the signed-in person (GET /api/me). */
export const ROLES = ['teacher', 'student'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const loginRequestSchema = z.object({
  login: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const userSchema = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  role: roleSchema,
});
export type User = z.infer<typeof userSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: userSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const classSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Whether I teach this class (may start and run its lesson) or study in it. */
  myRole: roleSchema,
  teacherName: z.string(),
  studentCount: z.number().int().nonnegative(),
  /** The live lesson of the class, if its teacher has started one. */
  liveLessonId: z.string().nullable(),
});
export type ClassSummary = z.infer<typeof classSummarySchema>;

export const classListSchema = z.array(classSummarySchema);
