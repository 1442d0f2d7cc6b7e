import type { Survey } from '@rapport/protocol';
import { beforeAll, expect, it } from 'vitest';
import { demoNpsSurvey, npsSummary, setSurveysActive } from './helpers/admin';
import { describeInChromium } from './helpers/chromium';
import { useE2E } from './helpers/e2e-context';
import { seeText, widget } from './helpers/widget';

describeInChromium('an eligible visitor answers the NPS survey', () => {
  const e2e = useE2E();
  let survey: Survey;

  beforeAll(async () => {
    await setSurveysActive(e2e.server, true);
    survey = await demoNpsSurvey(e2e.server);
  });

  it('sees the detractor follow-up for a 3, is counted, and is not asked again after a reload', async () => {
    const { page, errors } = await e2e.visitor();
    await page.goto(`${e2e.server.origin}/`);

    await widget.survey(page).waitFor({ state: 'visible' });
    await seeText(page, survey.question);
    await widget.score(page, 3).click();

    const followUp = survey.followUp?.detractor ?? 'What could we do better?';
    const comment = page.getByRole('textbox', { name: followUp });
    await comment.waitFor({ state: 'visible' });
    await comment.fill('Delivery took nine days.');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await seeText(page, 'Thank you for your answer!');

    const summary = await npsSummary(e2e.server, survey.id);
    expect(summary).toMatchObject({ responses: 1, detractors: 1, passives: 0, promoters: 0 });
    expect(summary.nps).toBe(-100);

    // After a reload the server decides again; it must not offer the survey a second time.
    const eligible = page.waitForResponse((response) =>
      response.url().includes('/v1/surveys/eligible'),
    );
    await page.reload();
    const answer = (await (await eligible).json()) as { surveys: unknown[] };
    expect(answer.surveys).toEqual([]);
    await widget.launcher(page).waitFor({ state: 'visible' });
    expect(await widget.survey(page).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
