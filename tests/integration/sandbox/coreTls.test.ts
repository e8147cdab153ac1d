/** The sandbox serves HTTPS with a self-signed certificate (as the add-in dev server needs). */
import https from 'node:https';
import selfsigned from 'selfsigned';
import { fixtureMailbox } from '../helpers/fixtureMailbox';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

let t: TestSandbox;
let cert: string;
beforeAll(async () => {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
  });
  cert = pems.cert;
  t = await startTestSandbox({ mailbox: fixtureMailbox, tls: { key: pems.private, cert: pems.cert } });
}, 30_000);
afterAll(() => t.close());

function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca: cert, headers }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

test('an HTTPS request trusting the certificate gets Graph JSON back', async () => {
  expect(t.graphUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
  const res = await get(`${t.graphUrl}/me?$select=displayName`, { Authorization: `Bearer ${t.token}` });
  expect(res.status).toBe(200);
  expect(JSON.parse(res.body)).toMatchObject({ displayName: 'Aino Virtanen' });
  expect(JSON.parse(res.body)['@odata.context']).toMatch(/^https:\/\//);
});

test('a client that does not trust the certificate is refused', async () => {
  await expect(
    new Promise((resolve, reject) => https.get(`${t.graphUrl}/me`, { headers: { Authorization: `Bearer ${t.token}` } }, resolve).on('error', reject)),
  ).rejects.toThrow(/self[- ]signed|certificate/i);
});
