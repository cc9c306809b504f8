"""Drives Baidu's own Python SDK (bce-sdk-python, from source) against a BCC endpoint, normally tools/BccEmulator.Host.

First a lifecycle whose every step must succeed (security group, key pair, instance, volume, snapshot, image, their
reads, renames, stop and start, and the releases), then every other method of its BccClient once, with arguments
filled by name from live resources, through a proxy that records each answer's status. run.sh sets it up; CI does not
run it, because it needs the SDK's source.

usage: python3 flow.py <path to bce-sdk-python> <endpoint host:port> <access key id> <secret access key> <file for the operations reached>
"""

import http.client
import http.server
import importlib
import inspect
import sys
import threading
import time
import types

passed = 0
failed = 0


def load_sdk(path):
    """Imports the SDK from its source; Debian's python3-pycryptodome names the package Cryptodome, the SDK Crypto."""
    import Cryptodome
    sys.modules['Crypto'] = Cryptodome
    for sub in ('Cipher', 'Cipher.AES', 'Cipher.PKCS1_v1_5', 'PublicKey', 'PublicKey.RSA'):
        sys.modules['Crypto.' + sub] = importlib.import_module('Cryptodome.' + sub)
    sys.path.insert(0, path)


def step(name, action):
    global passed, failed
    try:
        result = action()
    except Exception as error:  # the flow reports every failure and goes on
        failed += 1
        print('FAIL %-32s %s' % (name, error))
        return None
    passed += 1
    print('ok   %s' % name)
    return result


def wait_for(name, read, want):
    got = None
    for _ in range(60):
        try:
            got = read()
        except Exception as error:
            got = error
        if got == want:
            break
        time.sleep(0.5)

    def check():
        if got != want:
            raise AssertionError('got %s, want %s' % (got, want))
    step(name, check)


class Recorder(object):
    """
    A proxy in front of the endpoint that keeps the status of every answer and the operation the emulator names in it
    (x-bcc-emulator-operation); the Host header passes unchanged, so signatures hold.
    """

    def __init__(self, endpoint):
        self.statuses = []
        self.operations = set()
        host, port = endpoint.rsplit(':', 1)
        recorder = self

        class Forward(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def forward(self):
                length = int(self.headers.get('Content-Length') or 0)
                body = self.rfile.read(length) if length else None
                upstream = http.client.HTTPConnection(host, int(port), timeout=30)
                upstream.request(self.command, self.path, body=body, headers=dict(self.headers.items()))
                answer = upstream.getresponse()
                data = answer.read()
                recorder.statuses.append(answer.status)
                if answer.getheader('x-bcc-emulator-operation'):
                    recorder.operations.add(answer.getheader('x-bcc-emulator-operation'))
                self.send_response_only(answer.status)
                for key, value in answer.getheaders():
                    if key.lower() not in ('transfer-encoding', 'connection', 'content-length'):
                        self.send_header(key, value)
                self.send_header('Content-Length', str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                upstream.close()

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = forward

        self.server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Forward)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.endpoint = '127.0.0.1:%d' % self.server.server_address[1]


def client_for(endpoint, ak, sk):
    from baidubce.auth.bce_credentials import BceCredentials
    from baidubce.bce_client_configuration import BceClientConfiguration
    from baidubce.retry.retry_policy import NoRetryPolicy
    from baidubce.services.bcc.bcc_client import BccClient
    return BccClient(BceClientConfiguration(credentials=BceCredentials(ak, sk), endpoint=endpoint, retry_policy=NoRetryPolicy()))


def lifecycle(client, ids, label='py-flow'):
    """An ordinary lifecycle, every step checked, up to the releases; keeps the resources' ids in ids."""
    from baidubce.services.bcc import bcc_model
    step('list_zones', lambda: client.list_zones())
    rule = bcc_model.SecurityGroupRuleModel(direction='ingress', protocol='tcp', portRange='22', sourceIp='0.0.0.0/0')
    group = step('create_security_group', lambda: client.create_security_group(label, [rule]))
    ids['security_group'] = group.security_group_id
    step('get_security_group_detail', lambda: client.get_security_group_detail(ids['security_group']))
    keypair = step('create_keypair', lambda: client.create_keypair(label, 'the flow\'s key'))
    ids['keypair'] = keypair.keypair.keypair_id
    created = step('create_instance_by_spec', lambda: client.create_instance_by_spec(
        'bcc.g5.c2m8', 'm-ubuntu2204', zone_name='cn-bj-a', name=label, security_group_id=ids['security_group'],
        key_pair_id=ids['keypair']))
    ids['instance'] = created.instance_ids[0]
    wait_for('get_instance (Running)', lambda: client.get_instance(ids['instance']).instance.status, 'Running')
    step('list_instances', lambda: client.list_instances(zone_name='cn-bj-a'))
    volumes = step('create_volume_with_cds_size', lambda: client.create_volume_with_cds_size(50, zone_name='cn-bj-a'))
    ids['volume'] = volumes.volume_ids[0]
    wait_for('get_volume (Available)', lambda: client.get_volume(ids['volume']).volume.status, 'Available')
    step('attach_volume', lambda: client.attach_volume(ids['volume'], ids['instance']))
    wait_for('get_volume (InUse)', lambda: client.get_volume(ids['volume']).volume.status, 'InUse')
    step('modify_volume_Attribute (rename)', lambda: client.modify_volume_Attribute(ids['volume'], label + '-data', 'renamed'))
    wait_for('get_volume (renamed)', lambda: client.get_volume(ids['volume']).volume.name, label + '-data')
    step('list_volumes', lambda: client.list_volumes(instance_id=ids['instance']))
    snapshot = step('create_snapshot', lambda: client.create_snapshot(ids['volume'], label))
    ids['snapshot'] = snapshot.snapshot_id
    wait_for('get_snapshot (Available)', lambda: client.get_snapshot(ids['snapshot']).snapshot.status, 'Available')
    step('list_snapshots', lambda: client.list_snapshots(volume_id=ids['volume']))
    image = step('create_image_from_instance_id', lambda: client.create_image_from_instance_id(label, ids['instance']))
    ids['image'] = image.image_id
    wait_for('get_image (Available)', lambda: client.get_image(ids['image']).image.status, 'Available')
    step('list_images', lambda: client.list_images())
    rule443 = bcc_model.SecurityGroupRuleModel(direction='ingress', protocol='tcp', portRange='443', sourceIp='0.0.0.0/0')
    step('authorize_security_group_rule', lambda: client.authorize_security_group_rule(ids['security_group'], rule443))
    step('list_security_groups', lambda: client.list_security_groups(instance_id=ids['instance']))
    wait_for('get_instance (Running after the image)', lambda: client.get_instance(ids['instance']).instance.status, 'Running')
    step('stop_instance', lambda: client.stop_instance(ids['instance']))
    wait_for('get_instance (Stopped)', lambda: client.get_instance(ids['instance']).instance.status, 'Stopped')
    step('start_instance', lambda: client.start_instance(ids['instance']))
    wait_for('get_instance (Running again)', lambda: client.get_instance(ids['instance']).instance.status, 'Running')
    step('modify_instance_attributes', lambda: client.modify_instance_attributes(ids['instance'], name=label + '-renamed'))


def release(client, ids):
    """The lifecycle's end: detach and release everything it made."""
    step('detach_volume', lambda: client.detach_volume(ids['volume'], ids['instance']))
    wait_for('get_volume (detached)', lambda: client.get_volume(ids['volume']).volume.status, 'Available')
    step('delete_snapshot', lambda: client.delete_snapshot(ids['snapshot']))
    step('delete_image', lambda: client.delete_image(ids['image']))
    step('release_volume', lambda: client.release_volume(ids['volume']))
    step('release_instance', lambda: client.release_instance(ids['instance']))
    step('delete_security_group', lambda: client.delete_security_group(ids['security_group']))
    step('delete_keypair', lambda: client.delete_keypair(ids['keypair']))


# The resource an argument names, by the words in its name; the first match wins.
ID_KINDS = [
    (('chain',), 'chain'), (('snapshot', 'snap'), 'snapshot'), (('asp', 'auto_snapshot_policy'), 'asp'),
    (('ehc',), 'ehc'), (('cluster',), 'volume_cluster'), (('volume', 'cds'), 'volume'), (('image',), 'image'),
    (('rule',), 'rule'), (('security_group', 'sg'), 'security_group'), (('keypair', 'key_pair'), 'keypair'),
    (('deploy',), 'deploy_set'), (('reserved',), 'reserved'), (('transfer',), 'transfer'), (('task',), 'task'),
    (('report',), 'report'), (('instance', 'server'), 'instance'),
]


def sample(name, method, ids):
    """A plausible value for a required argument, by its name (and, for a bare id, its method's)."""
    from baidubce.services.bcc import bcc_model
    n = name.lower()
    if n.startswith('enable') or n.startswith('is_') or n.endswith('_flag'):
        return False
    # Lists the SDK turns into JSON through each item's __dict__.
    if n == 'dest_region_infos':
        return [types.SimpleNamespace(name='py-sweep', destRegion='gz')]
    if n == 'change_pay_timing_req_list':
        return [types.SimpleNamespace(instanceId=ids.get('instance', 'x'), duration=1)]
    if n.endswith('_id') or n.endswith('_ids') or n in ('id', 'ids'):
        context = n if n not in ('id', 'ids') else method.lower()
        value = next((ids.get(kind, 'x') for words, kind in ID_KINDS if any(w in context for w in words)), 'x')
        return [value] if n.endswith('s') else value
    if 'zone' in n:
        return 'cn-bj-a'
    if n == 'spec' or 'flavor' in n:
        return 'bcc.g5.c2m8'
    if any(w in n for w in ('size', '_gb', 'count', 'length', 'time', 'duration', 'period', 'max_keys', 'num')) and 'unit' not in n and 'type' not in n:
        return 50 if ('size' in n or '_gb' in n) else 1
    if n == 'billing':
        return bcc_model.Billing('Postpaid')
    if n in ('rule', 'rules'):
        rule = bcc_model.SecurityGroupRuleModel(direction='ingress', protocol='tcp', portRange='22', sourceIp='0.0.0.0/0')
        return [rule] if n == 'rules' else rule
    if 'tag' in n:
        return [bcc_model.TagModel('py', 'sweep')]
    if n.endswith('s') and not n.endswith(('ss', 'us')):
        return ['x']
    if 'region' in n:
        return 'gz'
    if 'name' in n or 'desc' in n:
        return 'py-sweep'
    return 'x'


def sweep(client, recorder, ids, called):
    """Calls every BccClient method the lifecycle did not, once, and sorts what happened."""
    from baidubce.exception import BceHttpClientError, BceServerError
    names = sorted(m for m, f in inspect.getmembers(type(client), inspect.isfunction)
                   if not m.startswith('_') and f.__module__.endswith('bcc_client') and m not in called)

    def rank(name):
        if any(name.startswith(v) for v in ('delete', 'release', 'refund', 'recycle', 'del_', 'unbind', 'detach', 'cancel')) \
                or 'delete' in name or 'release' in name:
            return 2
        return 0 if name.startswith('create') else 1

    counts = {}
    for name in sorted(names, key=rank):
        method = getattr(client, name)
        args = {}
        for parameter in list(inspect.signature(method).parameters.values()):
            if parameter.name != 'config' and parameter.default is inspect.Parameter.empty \
                    and parameter.kind in (parameter.POSITIONAL_OR_KEYWORD, parameter.KEYWORD_ONLY):
                args[parameter.name] = sample(parameter.name, name, ids)
        mark = len(recorder.statuses)
        error = None
        try:
            result = method(**args)
            learn(result, ids)
        except Exception as caught:
            error = caught
        statuses = recorder.statuses[mark:]
        server = error if isinstance(error, BceServerError) else getattr(error, 'last_error', None)
        if not statuses:
            kind = 'not sent'
        elif 501 in statuses:
            kind = 'NOT MODELLED'
        elif max(statuses) >= 500:
            kind = 'FAULT'
        elif max(statuses) < 300 and error is not None:
            kind = 'NOT READ'
        elif isinstance(server, BceServerError) or isinstance(error, BceHttpClientError) or max(statuses) >= 400:
            kind = 'refused'
        else:
            kind = 'answered'
        counts[kind] = counts.get(kind, 0) + 1
        reason = server if isinstance(server, BceServerError) else error
        print('%-13s %-48s %s' % (kind, name, statuses if error is None else str(reason).splitlines()[0][:160]))
    print('sweep: %d methods of the Python SDK\'s BccClient beside the %d the lifecycle called, %s' % (
        len(names), len(called), ', '.join('%d %s' % (counts.get(k, 0), k) for k in
                                            ('answered', 'refused', 'not sent', 'NOT MODELLED', 'FAULT', 'NOT READ'))))
    return sum(counts.get(k, 0) for k in ('NOT MODELLED', 'FAULT', 'NOT READ'))


def learn(result, ids, depth=0):
    """Keeps the ids an answer names (a created resource's id) for the methods after it."""
    if depth > 4 or result is None:
        return
    items = result.__dict__.items() if hasattr(result, '__dict__') else result.items() if isinstance(result, dict) else []
    for key, value in list(items):
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, str) and key.endswith(('_id', '_ids')):
            kind = next((k for words, k in ID_KINDS if any(w in key for w in words)), None)
            if kind and kind not in ids and value:
                ids[kind] = value
        elif hasattr(value, '__dict__') or isinstance(value, dict):
            learn(value, ids, depth + 1)


def main():
    if len(sys.argv) != 6:
        print(__doc__)
        sys.exit(2)
    sdk, endpoint, ak, sk, covered = sys.argv[1:]
    load_sdk(sdk)
    from baidubce.services.sts.sts_client import StsClient
    from baidubce.auth.bce_credentials import BceCredentials
    from baidubce.bce_client_configuration import BceClientConfiguration
    sts = StsClient(BceClientConfiguration(credentials=BceCredentials(ak, sk), endpoint=endpoint))
    token = step('sts.get_session_token', lambda: sts.get_session_token(acl=None, duration_seconds=3600))
    if token is None:
        sys.exit(1)
    # The SDK's BccClient never sends x-bce-security-token (only its BOS, CFC and BTS clients do), so temporary
    # credentials cannot reach BCC through it: the BCC calls use the permanent key.
    recorder = Recorder(endpoint)
    client = client_for(recorder.endpoint, ak, sk)

    ids = {}
    lifecycle(client, ids)
    release(client, ids)
    called = {'list_zones', 'create_security_group', 'get_security_group_detail', 'create_keypair', 'create_instance_by_spec',
              'get_instance', 'list_instances', 'create_volume_with_cds_size', 'get_volume', 'attach_volume',
              'modify_volume_Attribute', 'list_volumes', 'create_snapshot', 'get_snapshot', 'list_snapshots',
              'create_image_from_instance_id', 'get_image', 'list_images', 'authorize_security_group_rule',
              'list_security_groups', 'stop_instance', 'start_instance', 'modify_instance_attributes', 'detach_volume',
              'delete_snapshot', 'delete_image', 'release_volume', 'release_instance', 'delete_security_group', 'delete_keypair'}
    # The sweep's resources: the lifecycle again, without its releases (the sweep's own deletions come last).
    live = {}
    lifecycle(client, live, 'py-sweep')
    global failed
    failed += sweep(client, recorder, live, called)
    with open(covered, 'w') as out:
        out.write(''.join(name + '\n' for name in sorted(recorder.operations)))
    print('%d BCC operations reached, written to %s' % (len(recorder.operations), covered))
    print('%d passed, %d failed' % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
