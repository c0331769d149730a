import { describe, expect, it } from 'vitest';
import { environments, render, type KubeObject } from './support/render.ts';
import { strictValidate } from './support/strict-validate.ts';

describe.each(environments)('the %s overlay', (environment) => {
  it('renders, and every object is valid against the Kubernetes API schema, with no unknown field', async () => {
    const objects = render(environment);

    expect(objects.length).toBeGreaterThan(10);
    const problems = (await Promise.all(objects.map(strictValidate))).flat();
    expect(problems).toEqual([]);
  });
});

describe('the strict schema check', () => {
  const base = render('dev');
  const deployment = base.find((object) => object.kind === 'Deployment')!;

  it('catches a misspelled field the plain validators accept', async () => {
    const broken = structuredClone(deployment) as KubeObject & {
      spec: { template: { spec: { containers: object[] } } };
    };
    const container = broken.spec.template.spec.containers[0] as Record<string, unknown>;
    container['readinessProb'] = container['readinessProbe'];

    expect(await strictValidate(broken)).toEqual([
      expect.stringMatching(/spec\.template\.spec\.containers\.0\.readinessProb: unknown field/),
    ]);
  });

  it('catches a wrong type', async () => {
    const broken = structuredClone(deployment) as KubeObject & { spec: Record<string, unknown> };
    broken.spec['replicas'] = 'three';

    expect((await strictValidate(broken)).join('\n')).toMatch(/replicas/);
  });
});
