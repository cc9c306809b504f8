"""Records the requests Baidu's Python SDK (github.com/baidubce/bce-sdk-python) sends for the BCC operations that
Baidu's Go SDK does not implement, and for the calls where the two SDKs send different members, for SdkDialectTests. Each call below is made once against a loopback server that
records it and answers 200 with "{}". Argument values are named after the wire member they fill, as in main.go.

Usage (record.sh runs it): PYTHONPATH=<bce-sdk-python> python3 record.py <output file> <bce-sdk-python commit>
Needs Debian's python3-pycryptodome, python3-future and python3-six; the SDK imports PyCryptodome as Crypto, which
Debian ships as Cryptodome, so the two names are made one below.
"""
import http.server
import json
import sys
import threading
import urllib.parse

import Cryptodome
import Cryptodome.Cipher
import Cryptodome.Cipher.AES
import Cryptodome.Cipher.PKCS1_v1_5
import Cryptodome.PublicKey
import Cryptodome.PublicKey.RSA

for name, module in list(sys.modules.items()):
    if name == "Cryptodome" or name.startswith("Cryptodome."):
        sys.modules["Crypto" + name[len("Cryptodome"):]] = module

from baidubce.auth.bce_credentials import BceCredentials  # noqa: E402
from baidubce.bce_client_configuration import BceClientConfiguration  # noqa: E402
from baidubce.services.bcc import bcc_client  # noqa: E402
from baidubce.services.bcc.bcc_client import BccClient  # noqa: E402


class _Json:
    """The SDK puts ids converted to bytes into some bodies (the volume cluster's auto-renew calls), which Python 3's
    json refuses; they are written as the UTF-8 text they were made from, as the SDK did on Python 2."""

    loads = staticmethod(json.loads)

    @staticmethod
    def dumps(value, **options):
        return json.dumps(value, default=lambda b: b.decode("utf-8") if isinstance(b, bytes) else b, **options)


bcc_client.json = _Json

CALLS = [
    ("autoRenew_volume_cluster", dict(cluster_id="clusterId-v", renew_time=1, renew_time_unit="renewTimeUnit-v",
                                      client_token="clientToken-v")),
    ("cancel_autoRenew_volume_cluster", dict(cluster_id="clusterId-v", client_token="clientToken-v")),
    ("create_volume_cluster", dict(cluster_size_in_gb=1, purchase_count=1, storage_type="storageType-v",
                                   cluster_name="clusterName-v", paymentTiming="paymentTiming-v", reservation_length=1,
                                   reservation_time_unit="reservationTimeUnit-v", renew_time_unit="renewTimeUnit-v",
                                   renew_time=1, zone_name="zoneName-v", uuid_flag="uuidFlag-v",
                                   client_token="clientToken-v")),
    ("query_reserved_instance_price", dict(spec_id="specId-v", spec="spec-v", offering_type="offeringType-v",
                                           zone_name="zoneName-v", scope="scope-v", reserved_instance_count=1,
                                           price_time_unit="priceTimeUnit-v", reserved_instance_time=1, purchase_num=1,
                                           client_token="clientToken-v")),
    ("get_volume_cluster", dict(cluster_id="clusterId-v")),
    ("list_volume_cluster", dict(cluster_name="clusterName-v", zone_name="zoneName-v", marker="marker-v", max_keys=1)),
    ("renew_volume_cluster", dict(cluster_id="clusterId-v", reservation_length=1,
                                  reservation_time_unit="reservationTimeUnit-v", client_token="clientToken-v")),
    ("resize_volume_cluster", dict(cluster_id="clusterId-v", new_cluster_size=1, client_token="clientToken-v")),
    # Calls the Go SDK makes only through its unexported helpers (getCdsPrice, getInstanceUserData).
    ("get_cds_price", dict(purchase_length=1, payment_timing="paymentTiming-v", storage_type="storageType-v",
                           cds_size_in_gb=1, purchase_count=1, zone_name="zoneName-v", encrypt_key="encryptKey-v",
                           client_token="clientToken-v")),
    ("get_instance_user_data", dict(instance_id="instanceId-v", client_token="clientToken-v")),
    # Calls the Go SDK makes too, where the SDKs' members or idempotency tokens differ.
    ("list_instances", dict(marker="marker-v", max_keys=1, internal_ip="internalIp-v", dedicated_host_id="dedicatedHostId-v",
                            zone_name="zoneName-v", instance_ids="instanceIds-v", instance_names="instanceNames-v",
                            cds_ids="cdsIds-v", ehc_cluster_id="ehcClusterId-v", show_rdma_topo="showRdmaTopo-v",
                            deployset_ids="deploySetIds-v", security_group_ids="securityGroupIds-v",
                            payment_timing="paymentTiming-v", status="status-v", tags="tags-v", vpc_id="vpcId-v",
                            private_ips="privateIps-v", ipv6_addresses="ipv6Addresses-v", auto_renew=True,
                            fuzzy_instance_name="fuzzyInstanceName-v")),
    ("list_volumes", dict(instance_id="instanceId-v", zone_name="zoneName-v", marker="marker-v", max_keys=1,
                          cluster_id="clusterId-v", volume_ids="volumeIds-v")),
    ("list_keypairs", dict(marker="marker-v", max_keys=1, name="name-v")),
    ("list_deploy_sets", dict(client_token="clientToken-v", deployment_set_ids="deploymentSetIds-v")),
    ("get_instance_with_deploy_set_and_failed", dict(instance_id="instanceId-v", contains_failed=True)),
    ("delete_security_group", dict(security_group_id="securityGroupId-v")),
    ("describe_regions", dict(region="region-v")),
    ("list_os", dict(instance_ids=["instanceIds-v"])),
]


class Recorder(http.server.BaseHTTPRequestHandler):
    requests = []

    def _record(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8") if length else ""
        url = urllib.parse.urlsplit(self.path)
        query = []
        for part in url.query.split("&") if url.query else []:
            name, valued, value = part.partition("=")
            query.append({"name": urllib.parse.unquote(name), "value": urllib.parse.unquote(value) if valued else None})
        request = {"method": self.command, "path": url.path, "query": query}
        if body:
            try:
                request["body"] = json.loads(body)
            except ValueError:
                request["text"] = body
        Recorder.requests.append(request)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    do_GET = do_POST = do_PUT = do_DELETE = _record

    def log_message(self, *args):
        pass


def main():
    output, commit = sys.argv[1], sys.argv[2]
    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    config = BceClientConfiguration(
        credentials=BceCredentials("ak-dialect", "0123456789abcdef0123456789abcdef"),
        endpoint="127.0.0.1:%d" % server.server_address[1])
    client = BccClient(config)
    calls = []
    for method, arguments in CALLS:
        Recorder.requests = []
        call = {"sdkMethod": method}
        try:
            getattr(client, method)(**arguments)
        except Exception as error:  # the answer "{}" is not every method's; only the request matters
            call["error"] = "%s: %s" % (type(error).__name__, error)
        call["requests"] = Recorder.requests
        calls.append(call)
    server.shutdown()
    recording = {"sdk": "bce-sdk-python", "commit": commit, "recordedBy": "tools/SdkDialect/record.sh", "calls": calls}
    with open(output, "w") as file:
        json.dump(recording, file, indent=1, ensure_ascii=False)
        file.write("\n")


if __name__ == "__main__":
    main()
