// Builds a local stand-in for gcr.io/distroless/nodejs24-debian12:nonroot where no registry can be
// reached: FROM scratch, holding this workspace's own Node 24 binary (symbols stripped), the glibc
// libraries `ldd` lists for it, CA certificates, and a non-root user 65532, with the same layout as
// distroless (/nodejs/bin/node). No shell, no package manager.
//   node tools/containers/build-local-base.ts          prints the image name (builds it if missing)
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const localBaseImage = `sample-node-base:${process.versions.node}`;

export function ensureLocalBaseImage(log: (line: string) => void = console.error): string {
  if (spawnSync('docker', ['image', 'inspect', localBaseImage], { stdio: 'ignore' }).status === 0)
    return localBaseImage;
  log(`building the local base image ${localBaseImage} from ${process.execPath}`);
  const context = mkdtempSync(join(tmpdir(), 'node-base-'));
  try {
    const rootfs = join(context, 'rootfs');
    const node = join(rootfs, 'nodejs/bin/node');
    mkdirSync(dirname(node), { recursive: true });
    // The npm `node` package ships Node with debug symbols (126 MB); stripped it is ~108 MB.
    if (spawnSync('strip', ['-o', node, process.execPath], { stdio: 'inherit' }).status !== 0)
      copyFileSync(process.execPath, node);
    for (const library of sharedLibraries(process.execPath)) {
      mkdirSync(join(rootfs, dirname(library)), { recursive: true });
      copyFileSync(library, join(rootfs, library));
    }
    mkdirSync(join(rootfs, 'etc/ssl/certs'), { recursive: true });
    copyFileSync(
      '/etc/ssl/certs/ca-certificates.crt',
      join(rootfs, 'etc/ssl/certs/ca-certificates.crt'),
    );
    writeFileSync(
      join(rootfs, 'etc/passwd'),
      'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n',
    );
    writeFileSync(join(rootfs, 'etc/group'), 'root:x:0:\nnonroot:x:65532:\n');
    writeFileSync(
      join(rootfs, 'etc/nsswitch.conf'),
      'passwd: files\ngroup: files\nhosts: files dns\n',
    );
    mkdirSync(join(rootfs, 'tmp'));
    chmodSync(join(rootfs, 'tmp'), 0o1777);
    mkdirSync(join(context, 'home/nonroot'), { recursive: true });
    writeFileSync(
      join(context, 'Dockerfile'),
      [
        'FROM scratch',
        'COPY rootfs/ /',
        'COPY --chown=65532:65532 home/ /home/',
        'ENV PATH=/nodejs/bin SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt',
        'USER 65532:65532',
        'WORKDIR /home/nonroot',
        'ENTRYPOINT ["/nodejs/bin/node"]',
        `LABEL org.opencontainers.image.description="Local stand-in for distroless nodejs24 (Node ${process.versions.node})"`,
        '',
      ].join('\n'),
    );
    execFileSync('docker', ['build', '--quiet', '-t', localBaseImage, context], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DOCKER_BUILDKIT: '0' },
    });
    return localBaseImage;
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/** The absolute paths of the shared libraries a binary loads, as `ldd` reports them. */
function sharedLibraries(binary: string): string[] {
  const output = execFileSync('ldd', [binary], { encoding: 'utf8' });
  return [...output.matchAll(/(\/[^\s]+\.so[^\s]*)/g)].map((match) => match[1]!);
}

if (import.meta.main) console.log(ensureLocalBaseImage());
