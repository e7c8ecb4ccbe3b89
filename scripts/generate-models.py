#!/usr/bin/env python3
"""Generate Sources/AWSModel/Generated/*.swift from the botocore service models on this machine.

The AWS service model is the source of truth for operation, member, enum and error names
(ENGINE.md). We keep only the operations KMS Drill offers and the shapes they reach, and embed
them as JSON text in Swift so the binary needs no resource files. Run again after changing the
operation lists below; the output is committed (a build must not need botocore).
"""
import gzip, json, os, sys
import botocore

OPERATIONS = {
    # service: (cli command name, operations or None for all)
    "kms": ("kms", None),
    "s3": ("s3api", ["CreateBucket", "DeleteBucket", "ListBuckets", "PutBucketEncryption", "GetBucketEncryption",
                     "DeleteBucketEncryption", "PutObject", "GetObject", "HeadObject", "ListObjectsV2",
                     "DeleteObject", "CopyObject"]),
    "ec2": ("ec2", ["EnableEbsEncryptionByDefault", "DisableEbsEncryptionByDefault", "GetEbsEncryptionByDefault",
                    "GetEbsDefaultKmsKeyId", "ModifyEbsDefaultKmsKeyId", "ResetEbsDefaultKmsKeyId", "CreateVolume",
                    "DescribeVolumes", "DeleteVolume", "CreateSnapshot", "CopySnapshot", "DescribeSnapshots",
                    "DeleteSnapshot"]),
    "rds": ("rds", ["CreateDBInstance", "DescribeDBInstances", "ModifyDBInstance", "DeleteDBInstance",
                    "CreateDBSnapshot", "CopyDBSnapshot", "RestoreDBInstanceFromDBSnapshot", "DescribeDBSnapshots",
                    "DeleteDBSnapshot"]),
    "dynamodb": ("dynamodb", ["CreateTable", "DescribeTable", "UpdateTable", "PutItem", "GetItem", "DeleteItem",
                              "DeleteTable", "ListTables"]),
    "iam": ("iam", ["CreateUser", "GetUser", "ListUsers", "DeleteUser", "CreateRole", "GetRole", "ListRoles",
                    "DeleteRole", "PutUserPolicy", "GetUserPolicy", "DeleteUserPolicy", "ListUserPolicies",
                    "PutRolePolicy", "GetRolePolicy", "DeleteRolePolicy", "ListRolePolicies"]),
    "sts": ("sts", ["GetCallerIdentity", "AssumeRole"]),
    "cloudtrail": ("cloudtrail", ["LookupEvents", "CreateTrail", "DescribeTrails", "GetTrailStatus", "StartLogging",
                                  "StopLogging", "DeleteTrail", "ListPublicKeys", "GetTrail"]),
}

KEEP_SHAPE_KEYS = {"type", "members", "member", "key", "value", "required", "enum", "min", "max", "pattern",
                   "documentation", "exception", "error", "sensitive", "timestampFormat", "location",
                   "locationName", "flattened", "payload", "streaming", "deprecated", "box", "union", "xmlNamespace"}


def model_dir(service):
    base = os.path.join(os.path.dirname(botocore.__file__), "data", service)
    return os.path.join(base, sorted(os.listdir(base))[-1])


def load(service):
    with gzip.open(os.path.join(model_dir(service), "service-2.json.gz")) as f:
        return json.load(f)


def load_paginators(service, operations):
    """botocore's paginators-1.json with its sdk-extras merged in, as botocore's loader does.

    The AWS CLI paginates client-side from these (input/output tokens, result keys, limit key),
    so KMS Drill needs them to print the same NextToken and merged results.
    """
    directory = model_dir(service)
    path = os.path.join(directory, "paginators-1.json")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        pagination = json.load(f)["pagination"]
    extras = os.path.join(directory, "paginators-1.sdk-extras.json")
    if os.path.exists(extras):
        with open(extras) as f:
            for name, extra in json.load(f).get("merge", {}).get("pagination", {}).items():
                if name in pagination:
                    pagination[name].update(extra)
    return {name: config for name, config in pagination.items() if name in operations}


def reachable(model, roots):
    seen, stack = set(), list(roots)
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = model["shapes"][name]
        refs = []
        for m in shape.get("members", {}).values():
            refs.append(m["shape"])
        for k in ("member", "key", "value"):
            if k in shape:
                refs.append(shape[k]["shape"])
        stack.extend(refs)
    return seen


def trim(model, ops):
    names = ops if ops is not None else list(model["operations"])
    operations, roots = {}, []
    for name in names:
        op = model["operations"][name]
        keep = {k: op[k] for k in ("name", "input", "output", "errors", "documentation", "http", "deprecated") if k in op}
        operations[name] = keep
        for k in ("input", "output"):
            if k in op:
                roots.append(op[k]["shape"])
        roots.extend(e["shape"] for e in op.get("errors", []))
    shapes = {}
    for name in sorted(reachable(model, roots)):
        s = model["shapes"][name]
        # Help shows member and operation documentation; a shape's own text is never shown.
        out = {k: v for k, v in s.items() if k in KEEP_SHAPE_KEYS and k != "documentation"}
        shapes[name] = out
    meta = {k: model["metadata"][k] for k in ("apiVersion", "endpointPrefix", "protocol", "serviceFullName",
                                              "serviceId", "signingName", "targetPrefix", "jsonVersion")
            if k in model["metadata"]}
    # The service's own documentation is the DESCRIPTION of `help kms`.
    return {"metadata": meta, "documentation": model.get("documentation", ""), "operations": operations,
            "shapes": shapes}


def main():
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "AWSModel", "Generated")
    os.makedirs(out_dir, exist_ok=True)
    for service, (command, ops) in OPERATIONS.items():
        model = trim(load(service), ops)
        model["metadata"]["cliName"] = command
        model["paginators"] = load_paginators(service, model["operations"])
        text = json.dumps(model, separators=(",", ":"), sort_keys=False, ensure_ascii=False)
        assert '"##' not in text
        ident = "".join(p.capitalize() for p in service.split("-"))
        path = os.path.join(out_dir, f"{ident}Model.swift")
        with open(path, "w") as f:
            f.write(f"// Generated by scripts/generate-models.py from botocore {botocore.__version__}; do not edit.\n")
            f.write(f"// The AWS {model['metadata']['serviceFullName']} model, trimmed to what KMS Drill offers.\n\n")
            f.write(f"extension ServiceModelSource {{\n    static let {service}JSON = ##\"\"\"\n{text}\n\"\"\"##\n}}\n")
        print(f"{path}: {len(model['operations'])} operations, {len(model['paginators'])} paginators, "
              f"{len(model['shapes'])} shapes, {len(text)} bytes")


if __name__ == "__main__":
    sys.exit(main())
