import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const k8sRoot = fileURLToPath(new URL('../../', import.meta.url));
export const environments = ['dev', 'stage', 'prod'] as const;
export type Environment = (typeof environments)[number];

/** A rendered Kubernetes object, as plain data. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** Renders an overlay exactly as `kubectl apply -k` would (kubectl's built-in kustomize). */
export function render(environment: Environment): KubeObject[] {
  const output = execFileSync('kubectl', ['kustomize', `${k8sRoot}overlays/${environment}`], {
    encoding: 'utf8',
  });
  return parseAllDocuments(output).map((document) => {
    if (document.errors.length > 0) throw new Error(document.errors.join('\n'));
    return document.toJS() as KubeObject;
  });
}

export function ofKind<T = KubeObject>(objects: KubeObject[], kind: string): T[] {
  return objects.filter((object) => object.kind === kind) as T[];
}

export function named<T = KubeObject>(objects: KubeObject[], kind: string, name: string): T {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named ${name}`);
  return found as T;
}
