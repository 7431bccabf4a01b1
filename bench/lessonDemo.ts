// `npm run demo`: one lesson, headless. A teacher and three students, each in their own
// Chromium (fake camera and microphone), against a freshly started server. The teacher admits the students one by one;
// for each we measure the time from the teacher's click on "admit" to the first frame of the
// teacher's video painted on the student's screen. Prints one JSON line last; exits non-zero if
// any admitted student decodes no video.
import { chromium, expect, type Browser } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../e2e/support/browser.js';
import { firstFrameAt, framesDecoded } from '../e2e/support/media.js';
import { HOST_VIDEO, hostVideo, knock, openAs, queueEntry, startLesson, type Person } from '../e2e/support/journey.js';
import { startServer } from '../e2e/support/server.js';

const STUDENTS = ['student1', 'student2', 'student3'] as const;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** From the moment the teacher's click lands on "admit" (read in the teacher's page). */
async function admitAndTime(teacher: Person, student: Person): Promise<number> {
  const admit = queueEntry(teacher, student.name).getByTestId('admit');
  const clicked = admit.evaluate(
    (button) => new Promise<number>((resolve) => button.addEventListener('click', () => resolve(Date.now()), { once: true })),
  );
  const firstFrame = firstFrameAt(student.page, HOST_VIDEO);
  await admit.click();
  return (await firstFrame) - (await clicked);
}

async function main(): Promise<number> {
  const server = await startServer();
  // One browser per person, as in a classroom where everyone has their own computer (and its
  // own camera: pages of one browser would share one fake capture device).
  const browsers: Browser[] = [];
  const launch = async (): Promise<Browser> => {
    const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
    browsers.push(browser);
    return browser;
  };
  try {
    const teacher = await openAs(await launch(), server.url, 'teacher');
    const students = await Promise.all(STUDENTS.map(async (login) => openAs(await launch(), server.url, login)));
    await startLesson(teacher, '7Б');
    for (const student of students) await knock(student, '7Б');
    await expect(teacher.page.getByTestId('queue-count')).toHaveText(String(students.length));

    const latencies: number[] = [];
    for (const student of students) {
      latencies.push(await admitAndTime(teacher, student));
      await expect(hostVideo(student.page)).toBeVisible();
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const participants = await Promise.all(
      students.map(async (student, i) => ({
        name: student.name,
        admitToFirstFrameMs: latencies[i] ?? null,
        framesDecoded: await framesDecoded(student.page),
      })),
    );
    await teacher.page.getByTestId('end-lesson').click();
    const result = {
      admitted: participants.length,
      participants,
      p95AdmitToFirstFrameMs: percentile(latencies, 95),
    };
    console.log(JSON.stringify(result));
    return participants.every((p) => p.framesDecoded > 0) ? 0 : 1;
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
