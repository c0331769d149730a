import type { KubeObject } from './render.ts';

type SchemaValidator = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; message?: string; keyword: string; params: unknown }[] | null;
};

/**
 * Validates an object against the Kubernetes API schema (the validators of `kubernetes-models`) and,
 * unlike them, also rejects unknown or misspelled fields.
 *
 * NOTE: the generated validators read every property the schema knows (and enumerate the keys of
 * free-form maps such as labels). So while one runs over a recording proxy of the object, any
 * property it never touched is one the schema does not have: `readinessProb`, `securityContex`, …
 */
export async function strictValidate(object: KubeObject): Promise<string[]> {
  const validate = await schemaFor(object);
  const touched = new Map<object, Set<PropertyKey> | 'all'>();
  const where = `${object.kind}/${object.metadata.name}`;

  const problems: string[] = [];
  if (!validate(record(object, touched))) {
    for (const error of validate.errors ?? []) {
      problems.push(
        `${where}${error.instancePath.replaceAll('/', '.')}: ${error.keyword} ${JSON.stringify(error.params)}`,
      );
    }
  }
  problems.push(...untouched(object, touched, where));
  return problems;
}

/** The generated validator of a kind, e.g. apps/v1 Deployment → IoK8sApiAppsV1Deployment. */
async function schemaFor({ apiVersion, kind }: KubeObject): Promise<SchemaValidator> {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['core', apiVersion];
  const pascal = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const name = `IoK8sApi${pascal(group!.split('.')[0]!)}${pascal(version!)}${kind}`;
  const module = (await import(`kubernetes-models/_schemas/${name}`)) as {
    validate?: SchemaValidator;
  };
  if (!module.validate)
    throw new Error(`kubernetes-models has no schema ${name} for ${apiVersion} ${kind}`);
  return module.validate;
}

function record(value: unknown, touched: Map<object, Set<PropertyKey> | 'all'>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const target = value as Record<PropertyKey, unknown>;
  return new Proxy(target, {
    get(object, key, receiver) {
      const seen = touched.get(object);
      if (seen !== 'all') touched.set(object, (seen ?? new Set()).add(key));
      return record(Reflect.get(object, key, receiver), touched);
    },
    has(object, key) {
      const seen = touched.get(object);
      if (seen !== 'all') touched.set(object, (seen ?? new Set()).add(key));
      return Reflect.has(object, key);
    },
    ownKeys(object) {
      touched.set(object, 'all');
      return Reflect.ownKeys(object);
    },
  });
}

function untouched(
  value: unknown,
  touched: Map<object, Set<PropertyKey> | 'all'>,
  path: string,
): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const seen = touched.get(value);
  const problems: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const known = seen === 'all' || (seen?.has(key) ?? false) || Array.isArray(value);
    if (!known) problems.push(`${path}.${key}: unknown field`);
    else problems.push(...untouched(child, touched, `${path}.${key}`));
  }
  return problems;
}
