#!/usr/bin/env python3
"""Writes the expected output snapshots in Tests/CLIGrammarTests/Fixtures/output/.

Each case is a response as KMS Drill's engine sends it (wire JSON: timestamps as epoch seconds),
turned into the value the AWS CLI v2 prints (timestamps as `datetime.isoformat()` in UTC) and
formatted with the real AWS CLI formatters installed on this machine (awscli 1.x `json`, `text`
and `table` formatters, whose code v2 shares), and with ruamel.yaml's safe dumper for `yaml` and
`yaml-stream`, as AWS CLI v2 does (install `ruamel.yaml==0.17.21 ruamel.yaml.clib==0.2.8`).
Paginated cases run through botocore's own PageIterator with a fake service method.

Run from the repository root:  python3 Tests/CLIGrammarTests/Fixtures/tools/generate_output_snapshots.py
"""
import argparse
import copy
import datetime
import io
import json
import os

import jmespath
import awscli.table
from awscli.formatter import get_formatter
from botocore.paginate import Paginator
from dateutil.tz import tzutc
from ruamel.yaml import YAML

awscli.table.determine_terminal_width = lambda default_width=80: 80
OUT = os.path.join("Tests", "CLIGrammarTests", "Fixtures", "output")
FORMATS = ["json", "text", "table", "yaml", "yaml-stream"]
COLOR_CASES = {"describe-key", "list-grants-nested"}

KEY = "1234abcd-12ab-34cd-56ef-1234567890ab"
KEY2 = "0987dcba-09fe-87dc-65ba-ab0987654321"
ARN = f"arn:aws:kms:us-east-1:111122223333:key/{KEY}"
ARN2 = f"arn:aws:kms:us-east-1:111122223333:key/{KEY2}"
POLICY = json.dumps({"Version": "2012-10-17", "Id": "key-default-1", "Statement": [{
    "Sid": "Enable IAM User Permissions", "Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]},
    indent=2).replace('": ', '" : ')

# Timestamp members of the output shapes used below (the Swift side reads them from the model).
TIMESTAMPS = {"CreationDate", "DeletionDate", "ValidTo", "LastUpdatedDate", "NextRotationDate",
              "OnDemandRotationStartDate", "RotationDate"}

CASES = [
    dict(name="list-keys", operation="ListKeys", wire={
        "Keys": [{"KeyId": KEY, "KeyArn": ARN}, {"KeyId": KEY2, "KeyArn": ARN2}], "Truncated": False}),
    dict(name="describe-key", operation="DescribeKey", wire={"KeyMetadata": {
        "AWSAccountId": "111122223333", "KeyId": KEY, "Arn": ARN, "CreationDate": 1732872000.123,
        "Enabled": True, "Description": "Key for the payments app", "KeyUsage": "ENCRYPT_DECRYPT",
        "KeyState": "Enabled", "Origin": "AWS_KMS", "KeyManager": "CUSTOMER",
        "CustomerMasterKeySpec": "SYMMETRIC_DEFAULT", "KeySpec": "SYMMETRIC_DEFAULT",
        "EncryptionAlgorithms": ["SYMMETRIC_DEFAULT"], "MultiRegion": False}}),
    dict(name="describe-key-pending-deletion", operation="DescribeKey", wire={"KeyMetadata": {
        "AWSAccountId": "111122223333", "KeyId": KEY2, "Arn": ARN2, "CreationDate": 1700000000,
        "Enabled": False, "Description": "", "KeyUsage": "ENCRYPT_DECRYPT", "KeyState": "PendingDeletion",
        "DeletionDate": 1735000000.5, "Origin": "AWS_KMS", "KeyManager": "CUSTOMER",
        "CustomerMasterKeySpec": "SYMMETRIC_DEFAULT", "KeySpec": "SYMMETRIC_DEFAULT",
        "EncryptionAlgorithms": ["SYMMETRIC_DEFAULT"], "MultiRegion": False, "PendingDeletionWindowInDays": 7}}),
    dict(name="describe-key-unicode", operation="DescribeKey", wire={"KeyMetadata": {
        "KeyId": KEY, "Description": "支払いアプリの鍵 — clé de paiement", "Enabled": True}}),
    dict(name="list-aliases", operation="ListAliases", wire={"Aliases": [
        {"AliasName": "alias/aws/s3", "AliasArn": "arn:aws:kms:us-east-1:111122223333:alias/aws/s3",
         "TargetKeyId": KEY2, "CreationDate": 1700000000, "LastUpdatedDate": 1700000000},
        {"AliasName": "alias/aws/ebs", "AliasArn": "arn:aws:kms:us-east-1:111122223333:alias/aws/ebs"},
        {"AliasName": "alias/payments", "AliasArn": "arn:aws:kms:us-east-1:111122223333:alias/payments",
         "TargetKeyId": KEY, "CreationDate": 1732872000.25, "LastUpdatedDate": 1732958400}],
        "Truncated": False}),
    dict(name="get-key-rotation-status", operation="GetKeyRotationStatus", wire={
        "KeyRotationEnabled": True, "KeyId": KEY, "RotationPeriodInDays": 365,
        "NextRotationDate": 1764408000}),
    dict(name="empty", operation="EnableKey", wire={}),
    dict(name="get-key-policy", operation="GetKeyPolicy", wire={"Policy": POLICY, "PolicyName": "default"}),
    dict(name="encrypt", operation="Encrypt", wire={
        "CiphertextBlob": "AQICAHhgQ2VLVFsyYlRtT0pNR2pYZDFXeTZ4eE9OMHRHRk5LK1NCdXhvRmFsT2dFVG9HN2ZJSW9IT0xrN3hGSGJkdklFQUFBQUF6QXhCZ2txaGtpRzl3MEJCd2FnWkRCaUFnRUFNRjBHQ1NxR1NJYjNEUUVIQVRBZUJnbGdoa2dCWlFNRUFTNHdFUVFNVGhHcTNBPT0=",
        "KeyId": ARN, "EncryptionAlgorithm": "SYMMETRIC_DEFAULT"}),
    dict(name="list-resource-tags", operation="ListResourceTags", wire={"Tags": [
        {"TagKey": "team", "TagValue": "payments"}, {"TagKey": "env", "TagValue": "prod: eu-west-1"},
        {"TagKey": "cost-center", "TagValue": "1234"}], "Truncated": False}),
    dict(name="list-grants-nested", operation="ListGrants", wire={"Grants": [
        {"KeyId": ARN, "GrantId": "0c237476b39f8bc44e45212e08498fbe3151305030726c0590dd8d3e9f3d6a60",
         "Name": "", "CreationDate": 1732872000, "GranteePrincipal": "arn:aws:iam::111122223333:role/app",
         "IssuingAccount": "arn:aws:iam::111122223333:root", "Operations": ["Encrypt", "Decrypt", "GenerateDataKey"],
         "Constraints": {"EncryptionContextSubset": {"app": "web", "tier": "1"}}},
        {"KeyId": ARN, "GrantId": "g2", "GranteePrincipal": "arn:aws:iam::111122223333:role/batch",
         "Operations": ["Decrypt"], "RetiringPrincipal": "arn:aws:iam::111122223333:role/admin"}],
        "Truncated": False}),
    dict(name="yaml-and-text-edge-values", operation="GenerateRandom", wire={"Samples": {
        "yes": "yes", "number": "123", "float": "1.5", "exp": "1e5", "dotfloat": ".5", "hex": "0x1F",
        "null": "null", "tilde": "~", "dash": "- x", "colon": "a: b", "colon2": "a:b", "hash": "#x",
        "hash2": "x #y", "lead": "  lead", "trail": "trail ", "multi": "line one\nline two",
        "multi-indented": "line one\n  line two", "tab": "tab\tx", "emoji": "emoji \U0001F600",
        "empty": "", "true": "True", "date": "2026-01-01", "datetime": "2026-01-01 10:00:00",
        "merge": "<<", "equals": "=", "star": "*", "question": "? x", "quote": "it's",
        "dquote": "say \"hi\"", "backslash": "a\\b", "docstart": "--- x", "unicode": "clé été",
        "long": "The quick brown fox jumps over the lazy dog and keeps running through the forest until night falls on the hills",
        "longquoted": "'quoted' start and a long tail of words that needs folding beyond eighty columns for sure",
        "doublespace": "words  with  double  spaces  that  go  on  and  on  past  the  eighty  column  limit  here",
        "int": 7, "negative": -3, "bool": False, "none": None, "real": 2.25, "list": [], "map": {},
        "nested": [[1, 2], ["a", None]], "objs": [{"k": [{"x": "y"}], "z": 1}]}}),
    dict(name="table-lists", operation="GenerateRandom", wire={
        "Matrix": [["a", "b"], ["c", "d"]], "Values": [1, 2, 3], "Mixed": [{"A": 1, "B": "two"}, {"A": 3, "C": [4, 5]}],
        "Title": "lists"}),
    dict(name="describe-key-query-id", operation="DescribeKey", query="KeyMetadata.KeyId",
         wire={"KeyMetadata": {"KeyId": KEY, "Enabled": True}}),
    dict(name="describe-key-query-metadata", operation="DescribeKey", query="KeyMetadata",
         wire={"KeyMetadata": {"KeyId": KEY, "Enabled": True, "KeyState": "Enabled"}}),
]

PAGE_KEYS = [{"KeyId": f"key-{i}", "KeyArn": f"arn:aws:kms:us-east-1:111122223333:key/key-{i}"} for i in range(5)]
PAGINATED = [
    dict(name="list-keys-paged-max-items", operation="ListKeys", max_items=3, starting_token=None,
         pages={"": {"Keys": PAGE_KEYS[0:2], "NextMarker": "m1", "Truncated": True},
                "m1": {"Keys": PAGE_KEYS[2:4], "NextMarker": "m2", "Truncated": True},
                "m2": {"Keys": PAGE_KEYS[4:5], "Truncated": False}}),
    dict(name="list-keys-paged-all", operation="ListKeys", max_items=None, starting_token=None,
         pages={"": {"Keys": PAGE_KEYS[0:2], "NextMarker": "m1", "Truncated": True},
                "m1": {"Keys": PAGE_KEYS[2:4], "NextMarker": "m2", "Truncated": True},
                "m2": {"Keys": PAGE_KEYS[4:5], "Truncated": False}}),
    dict(name="list-keys-paged-resume", operation="ListKeys", max_items=2,
         starting_token="eyJNYXJrZXIiOiAibTEiLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==",
         pages={"": {"Keys": PAGE_KEYS[0:2], "NextMarker": "m1", "Truncated": True},
                "m1": {"Keys": PAGE_KEYS[2:4], "NextMarker": "m2", "Truncated": True},
                "m2": {"Keys": PAGE_KEYS[4:5], "Truncated": False}}),
    dict(name="list-keys-paged-query", operation="ListKeys", max_items=3, starting_token=None, query="Keys",
         pages={"": {"Keys": PAGE_KEYS[0:2], "NextMarker": "m1", "Truncated": True},
                "m1": {"Keys": PAGE_KEYS[2:4], "NextMarker": "m2", "Truncated": True},
                "m2": {"Keys": PAGE_KEYS[4:5], "Truncated": False}}),
    dict(name="list-keys-paged-page-boundary", operation="ListKeys", max_items=2, starting_token=None,
         pages={"": {"Keys": PAGE_KEYS[0:2], "NextMarker": "m1", "Truncated": True},
                "m1": {"Keys": PAGE_KEYS[2:4], "Truncated": False}}),
]


def cli_value(value, key=None):
    """The parsed response as AWS CLI v2 prints it: timestamps through datetime.isoformat()."""
    if isinstance(value, dict):
        return {k: cli_value(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [cli_value(v) for v in value]
    if key in TIMESTAMPS and isinstance(value, (int, float)):
        return datetime.datetime.fromtimestamp(value, tzutc()).isoformat()
    return value


def yaml_dump(value):
    y = YAML(typ="safe")
    y.default_flow_style = False
    s = io.StringIO()
    y.dump(value, s)
    return s.getvalue()


def render(fmt, operation, response, query):
    """One format, as AWS CLI v2's formatter would print it ("table-color" is `--color on`)."""
    compiled = jmespath.compile(query) if query else None
    color = "off"
    if fmt == "table-color":
        fmt, color = "table", "on"
    if fmt in ("yaml", "yaml-stream"):
        paginated = not isinstance(response, dict)
        if fmt == "yaml":
            data = response.build_full_result() if paginated else copy.deepcopy(response)
            if compiled is not None:
                data = compiled.search(data)
            return "" if data == {} else yaml_dump(data)
        pages = list(response) if paginated else [copy.deepcopy(response)]
        return "".join(yaml_dump([compiled.search(p) if compiled else p]) for p in pages)
    args = argparse.Namespace(query=compiled, color=color)
    stream = io.StringIO()
    data = response if not isinstance(response, dict) else copy.deepcopy(response)
    get_formatter(fmt, args)(operation, data, stream)
    return stream.getvalue()


def write(name, fmt, text):
    with open(os.path.join(OUT, f"{name}.{fmt}"), "w", encoding="utf-8") as f:
        f.write(text)


def main():
    os.makedirs(OUT, exist_ok=True)
    index = []
    for case in CASES:
        value = cli_value(case["wire"])
        for fmt in FORMATS + (["table-color"] if case["name"] in COLOR_CASES else []):
            write(case["name"], fmt, render(fmt, case["operation"], value, case.get("query")))
        index.append({k: case[k] for k in ("name", "operation", "wire")} | {"query": case.get("query")})
    for case in PAGINATED:
        def method(**kwargs):
            return cli_value(copy.deepcopy(case["pages"][kwargs.get("Marker", "")]))
        config = {"input_token": "Marker", "output_token": "NextMarker", "more_results": "Truncated",
                  "result_key": "Keys", "limit_key": "Limit"}
        for fmt in FORMATS:
            iterator = Paginator(method, config, None).paginate(
                PaginationConfig={"MaxItems": case["max_items"], "StartingToken": case["starting_token"]})
            write(case["name"], fmt, render(fmt, case["operation"], iterator, case.get("query")))
        index.append({"name": case["name"], "operation": case["operation"], "pages": case["pages"],
                      "maxItems": case["max_items"], "startingToken": case["starting_token"],
                      "query": case.get("query")})
    with open(os.path.join(OUT, "cases.json"), "w", encoding="utf-8") as f:
        json.dump(index, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"{len(index)} cases written to {OUT}")


if __name__ == "__main__":
    main()
