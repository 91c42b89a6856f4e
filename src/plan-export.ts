import type { PlanForExport } from './core/plan/index.js';
import type { StoredPlan } from './core/platforms/ports.js';

/** The stored plan as the export functions want it: authors by display name, never by user ref. */
export function storedPlanForExport(plan: StoredPlan): PlanForExport {
  const sections: PlanForExport['sections'] = {};
  for (const [id, s] of Object.entries(plan.sections)) {
    if (!s.value) continue;
    sections[id] = {
      text: s.text,
      revision: s.revision,
      ...(s.authorName ? { author: s.authorName } : {}),
      ...(s.updatedAt ? { updatedAt: s.updatedAt } : {}),
    };
  }
  return {
    platform: { slug: plan.platform.slug, name: plan.platform.name, ...(plan.platform.buurt ? { buurt: plan.platform.buurt } : {}) },
    status: plan.status,
    ...(plan.submittedBy ? { submittedBy: plan.submittedBy } : {}),
    ...(plan.submittedAt ? { submittedAt: plan.submittedAt } : {}),
    sections,
  };
}
