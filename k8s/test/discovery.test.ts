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
