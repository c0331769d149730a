import { describe, expect, it } from 'vitest';
import { environments, ofKind, render, type KubeObject } from './support/render.ts';
import type { Container, Deployment, Service } from './support/types.ts';

const appEnvByEnvironment = { dev: 'development', stage: 'stage', prod: 'production' } as const;

function matches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

describe.each(environments)('the %s overlay', (environment) => {
  const objects = render(environment);
  const deployments = ofKind<Deployment>(objects, 'Deployment');
  const containers: [string, Container][] = deployments.flatMap((d) =>
    d.spec.template.spec.containers.map((c) => [d.metadata.name, c] as [string, Container]),
  );

  it('puts every namespaced object in its own namespace, which enforces the restricted Pod Security Standard', () => {
    const [namespace] = ofKind<KubeObject>(objects, 'Namespace');
    expect(namespace?.metadata.name).toBe(environment);
    expect(namespace?.metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
    for (const object of objects.filter((o) => o.kind !== 'Namespace'))
      expect(object.metadata.namespace).toBe(environment);
  });

  it('sets APP_ENV for the environment', () => {
    const serviceConfigs = ofKind<KubeObject & { data: Record<string, string> }>(
      objects,
      'ConfigMap',
    ).filter((configMap) => configMap.metadata.name.endsWith('-config'));
    expect(serviceConfigs.map((configMap) => configMap.metadata.name).sort()).toEqual([
      'backend-config',
      'frontend-config',
    ]);
    for (const configMap of serviceConfigs) {
      expect(configMap.data['APP_ENV']).toBe(appEnvByEnvironment[environment]);
    }
  });

  it('hardens every pod and container as the restricted standard requires', () => {
    for (const deployment of deployments) {
      const pod = deployment.spec.template.spec;
      expect(pod.securityContext).toMatchObject({
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(pod.securityContext.runAsUser).not.toBe(0);
      expect(pod.automountServiceAccountToken).toBe(false);
      expect(pod.serviceAccountName).toBe(deployment.metadata.name);
    }
    for (const [, container] of containers) {
      expect(container.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
    }
    for (const account of ofKind<KubeObject & { automountServiceAccountToken?: boolean }>(
      objects,
      'ServiceAccount',
    )) {
      expect(account.automountServiceAccountToken).toBe(false);
    }
  });

  it('denies all ingress and egress by default, then allows DNS, frontend → backend and users → frontend', () => {
    const policies = ofKind<
      KubeObject & {
        spec: {
          podSelector: object;
          policyTypes: string[];
          egress?: unknown[];
          ingress?: unknown[];
        };
      }
    >(objects, 'NetworkPolicy');
    const defaultDeny = policies.find(
      (p) => Object.keys(p.spec.podSelector).length === 0 && !p.spec.egress && !p.spec.ingress,
    );

    expect(defaultDeny?.spec.policyTypes.sort()).toEqual(['Egress', 'Ingress']);
    expect(policies.map((p) => p.metadata.name).sort()).toEqual([
      'allow-dns-egress',
      'backend-ingress-from-frontend',
      'default-deny-all',
      'frontend-egress-to-backend',
      'frontend-ingress-http',
    ]);
  });

  it('uses a pinned, tagged image for every container, never :latest', () => {
    for (const [, container] of containers) {
      expect(container.image).toMatch(/^[\w.:/-]+:(?!latest$)[\w.-]+$/);
    }
  });

  it('sets requests and limits for CPU and memory on every container', () => {
    for (const [, container] of containers) {
      expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
    }
  });

  it('rolls out without unavailability and gives pods time to drain', () => {
    for (const deployment of deployments) {
      expect(deployment.spec.strategy).toEqual({
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
      });
      // The services drain for up to SHUTDOWN_GRACE_MS (10 s) after a 5 s preStop pause.
      expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(15);
    }
  });

  it('selects pods by labels the pods carry: Deployments, Services, PodDisruptionBudgets, autoscalers', () => {
    for (const deployment of deployments) {
      expect(
        matches(deployment.spec.selector.matchLabels, deployment.spec.template.metadata.labels),
      ).toBe(true);
    }
    for (const service of ofKind<Service>(objects, 'Service')) {
      expect(
        deployments
          .filter((d) => matches(service.spec.selector, d.spec.template.metadata.labels))
          .map((d) => d.metadata.name),
      ).toEqual([service.metadata.name]);
    }
    for (const budget of ofKind<
      KubeObject & { spec: { selector: { matchLabels: Record<string, string> } } }
    >(objects, 'PodDisruptionBudget')) {
      expect(
        deployments.filter((d) =>
          matches(budget.spec.selector.matchLabels, d.spec.template.metadata.labels),
        ),
      ).toHaveLength(1);
    }
    for (const autoscaler of ofKind<
      KubeObject & { spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number } }
    >(objects, 'HorizontalPodAutoscaler')) {
      const target = deployments.find(
        (d) => d.metadata.name === autoscaler.spec.scaleTargetRef.name,
      );
      expect(target).toBeDefined();
      expect(autoscaler.spec.minReplicas).toBe(target!.spec.replicas);
    }
  });

  it('points every Service target port at a port its pods declare', () => {
    for (const service of ofKind<Service>(objects, 'Service')) {
      const pod = deployments.find((d) => d.metadata.name === service.metadata.name)!;
      const ports = pod.spec.template.spec.containers.flatMap((c) => c.ports ?? []);
      for (const port of service.spec.ports) {
        expect(
          ports.some((p) => p.name === port.targetPort || p.containerPort === port.targetPort),
        ).toBe(true);
      }
    }
  });

  it('runs more than one replica, spread across nodes and zones, with an autoscaler, in stage and prod', () => {
    const replicated = environment !== 'dev';
    for (const deployment of deployments) {
      expect(deployment.spec.replicas > 1).toBe(replicated);
      const spread =
        (deployment.spec.template.spec as { topologySpreadConstraints?: { topologyKey: string }[] })
          .topologySpreadConstraints ?? [];
      expect(spread.map((c) => c.topologyKey).sort()).toEqual(
        replicated ? ['kubernetes.io/hostname', 'topology.kubernetes.io/zone'] : [],
      );
    }
    expect(ofKind(objects, 'HorizontalPodAutoscaler')).toHaveLength(replicated ? 2 : 0);
  });
});

describe('resources across environments', () => {
  const cpu = (value: string) =>
    value.endsWith('m') ? Number(value.slice(0, -1)) / 1000 : Number(value);
  const mebibytes = (value: string) => Number(value.replace(/Mi$/, ''));
  const requests = (environment: (typeof environments)[number]) =>
    ofKind<Deployment>(render(environment), 'Deployment').map(
      (d) => d.spec.template.spec.containers[0]!.resources!.requests!,
    );

  it('grow from dev to stage to prod', () => {
    const [dev, stage, prod] = environments.map(requests);
    for (let i = 0; i < dev!.length; i++) {
      expect(cpu(dev![i]!['cpu']!)).toBeLessThan(cpu(stage![i]!['cpu']!));
      expect(cpu(stage![i]!['cpu']!)).toBeLessThan(cpu(prod![i]!['cpu']!));
      expect(mebibytes(dev![i]!['memory']!)).toBeLessThan(mebibytes(prod![i]!['memory']!));
    }
  });
});
