import { describe, expect, it } from 'vitest';
import { make, useApi } from '../api.ts';

/*
 * A uuid is the same id in upper and in lower case (RFC 9562). The database compares them so; the server must too, in
 * the path and in the query string, rather than answer 500 or an empty list (security review, finding 7).
 */

const ctx = useApi();

describe('an id written in upper case', () => {
  it('reads the budget and the evaluation report as the lower-case id does, also anonymously once published', async () => {
    const { api } = ctx;
    const plan = await make.plan(api);
    await make.budgetLine(api, { planId: plan.id });
    await make.activity(api, { themeId: (await make.theme(api, { planId: plan.id })).id });
    const ID = plan.id.toUpperCase();
    expect(ID).not.toBe(plan.id);

    const budget = await api.get(`/plans/${ID}/budget`);
    expect(budget.status).toBe(200);
    expect(budget.body).toEqual((await api.get(`/plans/${plan.id}/budget`)).body);
    for (const format of ['html', 'docx', 'pdf']) {
      expect((await api.get(`/plans/${ID}/evaluation.${format}`)).status, format).toBe(200);
    }
    expect((await api.get(`/plans/${ID}`)).body.id).toBe(plan.id);

    await make.publishedVersion(api, plan.id);
    const anonymous = await api.as(null).get(`/plans/${ID}/budget`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual((await api.as(null).get(`/plans/${plan.id}/budget`)).body);
  });

  it('filters in the query string as the lower-case id does', async () => {
    const { api } = ctx;
    const org = await make.municipality(api);
    const holder = await make.person(api, { organisationId: org.id });
    const plan = await make.plan(api, { ownerId: org.id });
    const theme = await make.theme(api, { planId: plan.id, portfolioHolderIds: [holder.id] });
    await make.activity(api, { themeId: theme.id });

    const lower = await api.get(`/organisations/${org.id}/dashboard?portfolioHolderId=${holder.id}&planId=${plan.id}`);
    expect(lower.status).toBe(200);
    expect(JSON.stringify(lower.body)).toContain(theme.id);
    const upper = await api.get(`/organisations/${org.id.toUpperCase()}/dashboard?portfolioHolderId=${holder.id.toUpperCase()}&planId=${plan.id.toUpperCase()}`);
    expect(upper.status).toBe(200);
    expect(upper.body).toEqual(lower.body);

    const themes = await api.get(`/themes?planId=${plan.id.toUpperCase()}`);
    expect(themes.body.map((t: { id: string }) => t.id)).toEqual([theme.id]);
  });
});
