// An informer of the official JavaScript client (@kubernetes/client-node) on one namespaced resource of the bridge,
// as a user would write it. After each event it prints, as one JSON line, the objects its cache then holds: their
// names and labels. On an error it starts again, as the client's documentation advises.
// Usage: node informer.mjs <server> <group> <version> <plural> <namespace>
import * as k8s from '@kubernetes/client-node';

const [server, group, version, plural, namespace] = process.argv.slice(2);
const config = new k8s.KubeConfig();
config.loadFromOptions({
  clusters: [{ name: 'bridge', server, skipTLSVerify: true }],
  users: [{ name: 'reader' }],
  contexts: [{ name: 'bridge', cluster: 'bridge', user: 'reader' }],
  currentContext: 'bridge',
});
const objects = config.makeApiClient(k8s.CustomObjectsApi);
const path = `/apis/${group}/${version}/namespaces/${namespace}/${plural}`;
const informer = k8s.makeInformer(config, path, () =>
  objects.listNamespacedCustomObject({ group, version, namespace, plural }));

const report = () => {
  const held = {};
  for (const object of informer.list()) {
    held[object.metadata.name] = object.metadata.labels ?? {};
  }
  console.log(JSON.stringify({ objects: held }));
};
for (const event of ['add', 'update', 'delete']) {
  informer.on(event, report);
}
informer.on('error', (error) => {
  console.log(JSON.stringify({ error: String(error) }));
  setTimeout(() => informer.start(), 500);
});
await informer.start();
report();
