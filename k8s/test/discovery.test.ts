import { describe, expect, it } from 'vitest';
import { environments, named, render, type KubeObject } from './support/render.ts';
import type { Deployment, Service } from './support/types.ts';

type ConfigMap = KubeObject & { data: Record<string, string> };

describe.each(environments)('service discovery in the %s overlay', (environment) => {
  const objects = render(environment);
  const frontendConfig = named<ConfigMap>(objects, 'ConfigMap', 'frontend-config').data;
  const backendService = named<Service>(objects, 'Service', 'backend');
  const backend = named<Deployment>(objects, 'Deployment', 'backend');
  const servicePort = (name: string) =>
    backendService.spec.ports.find((port) => port.name === name)!;

  it("points the frontend's gRPC address at the backend Service's DNS name and gRPC port, in its own namespace", () => {
    const [host, port] = frontendConfig['CATALOG_GRPC_ADDRESS']!.split(':');

    expect([
      backendService.metadata.name,
      `backend.${environment}`,
      `backend.${environment}.svc.cluster.local`,
    ]).toContain(host);
    expect(Number(port)).toBe(servicePort('grpc').port);
    expect(backendService.metadata.namespace).toBe(environment);
  });

  it("points the frontend's HTTP URL at the backend Service's DNS name and HTTP port", () => {
    const url = new URL(frontendConfig['CATALOG_HTTP_URL']!);

    expect(url.hostname).toBe(backendService.metadata.name);
    expect(Number(url.port)).toBe(servicePort('http').port);
  });

  it('makes each Service port reach the port its service listens on, as configured', () => {
    const backendConfig = named<ConfigMap>(objects, 'ConfigMap', 'backend-config').data;
    const containerPort = (name: string) =>
      backend.spec.template.spec.containers[0]!.ports!.find((p) => p.name === name)!.containerPort;

    expect(servicePort('grpc').targetPort).toBe('grpc');
    expect(containerPort('grpc')).toBe(Number(backendConfig['GRPC_PORT']));
    expect(servicePort('http').targetPort).toBe('http');
    expect(containerPort('http')).toBe(Number(backendConfig['HTTP_PORT']));

    const frontend = named<Deployment>(objects, 'Deployment', 'frontend');
    const frontendPort = frontend.spec.template.spec.containers[0]!.ports!.find(
      (p) => p.name === 'http',
    )!.containerPort;
    expect(frontendPort).toBe(Number(frontendConfig['HTTP_PORT']));
  });

  it('feeds each container the ConfigMap of its own service', () => {
    for (const deployment of [backend, named<Deployment>(objects, 'Deployment', 'frontend')]) {
      const refs = deployment.spec.template.spec.containers[0]!.envFrom!.map(
        (source) => source.configMapRef?.name,
      );
      expect(refs).toEqual([`${deployment.metadata.name}-config`]);
      expect(() => named(objects, 'ConfigMap', refs[0]!)).not.toThrow();
    }
  });
});

describe.each(environments)('feature flags in the %s overlay', (environment) => {
  const objects = render(environment);

  it('point FEATURE_FLAGS_FILE at the flags ConfigMap, mounted read-only, holding valid flags that ship dark', () => {
    const path = named<ConfigMap>(objects, 'ConfigMap', 'frontend-config').data[
      'FEATURE_FLAGS_FILE'
    ]!;
    const pod = named<Deployment>(objects, 'Deployment', 'frontend').spec.template
      .spec as unknown as {
      volumes: { name: string; configMap?: { name: string } }[];
      containers: { volumeMounts: { name: string; mountPath: string; readOnly?: boolean }[] }[];
    };
    const mount = pod.containers[0]!.volumeMounts.find((m) => path.startsWith(`${m.mountPath}/`))!;
    const volume = pod.volumes.find((v) => v.name === mount.name)!;
    const flags = named<ConfigMap>(objects, 'ConfigMap', volume.configMap!.name).data;
    const fileName = path.slice(mount.mountPath.length + 1);

    expect(mount.readOnly).toBe(true);
    const parsed = JSON.parse(flags[fileName]!) as {
      flags: Record<string, { defaultVariant: string; variants: Record<string, number> }>;
    };
    expect(parsed.flags['spring-discount']).toMatchObject({
      defaultVariant: 'off',
      variants: { off: 0 },
    });
  });
});
