import { describe, expect, it } from 'vitest';
import { ProtobufError, decodeProtobufObject } from './protobuf.ts';

/** Request bodies kubectl 1.33 sent: `create deployment web --image=nginx --replicas=2 --port=80`, `create service clusterip s1 --tcp=80:8080`. */
const CREATE_DEPLOYMENT =
  'azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50ErgBCh8KA3dlYhIAGgAiACoAMgA4AEIAWgoKA2FwcBIDd2ViEoYBCAISDAoKCgNhcHASA3dlYhpsChwKABIAGgAiACoAMgA4AEIAWgoKA2FwcBIDd2ViEkwSLgoFbmdpbngSBW5naW54KgAyCgoAEAAYUCIAKgBCAGoAcgCAAQCIAQCQAQCiAQAaADIAQgBKAFIAWABgAGgAggEAigEAmgEAwgEAIgIKACgAOAAaDAgAEAAYACAAKAA4ABoAIgA=';
const CREATE_SERVICE =
  'azhzAAoNCgJ2MRIHU2VydmljZRJmCh0KAnMxEgAaACIAKgAyADgAQgBaCQoDYXBwEgJzMRJBChsKBzgwLTgwODASA1RDUBhQIgcIABCQPxoAKAASCQoDYXBwEgJzMRoAIglDbHVzdGVySVA6AEIAUgBaAGAAaAAaAgoAGgAiAA==';

const bytes = (b64: string) => Uint8Array.from(Buffer.from(b64, 'base64'));

describe('decodeProtobufObject', () => {
  it('reads kubectl create deployment: the object, without the zero values Go leaves out of JSON', () => {
    expect(decodeProtobufObject(bytes(CREATE_DEPLOYMENT))).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }], resources: {} }],
          },
        },
      },
    });
  });

  it('reads kubectl create service, with its int-or-string target port', () => {
    expect(decodeProtobufObject(bytes(CREATE_SERVICE))).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's1', labels: { app: 's1' } },
      spec: {
        ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }],
        selector: { app: 's1' },
        type: 'ClusterIP',
      },
    });
  });

  it.each([
    ['no magic prefix', Uint8Array.from([1, 2, 3, 4, 5])],
    ['a truncated body', bytes(CREATE_DEPLOYMENT).subarray(0, 40)],
  ])('refuses %s', (_name, body) => {
    expect(() => decodeProtobufObject(body)).toThrow(ProtobufError);
  });
});
