/** The parts of the rendered objects that the policy tests read. */
export interface Probe {
  httpGet?: { path: string; port: string | number };
  grpc?: { port: number; service?: string };
}

export interface Container {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    runAsNonRoot?: boolean;
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    privileged?: boolean;
    capabilities?: { drop?: string[]; add?: string[] };
    seccompProfile?: { type: string };
  };
}

export interface Deployment {
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: {
    replicas: number;
    selector: { matchLabels: Record<string, string> };
    strategy: {
      type: string;
      rollingUpdate?: { maxUnavailable: number | string; maxSurge: number | string };
    };
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        serviceAccountName: string;
        automountServiceAccountToken?: boolean;
        terminationGracePeriodSeconds: number;
        securityContext: Container['securityContext'] & { runAsUser?: number };
        containers: Container[];
      };
    };
  };
}

export interface Service {
  metadata: { name: string; namespace: string };
  spec: {
    selector: Record<string, string>;
    ports: { name: string; port: number; targetPort: string | number }[];
  };
}
