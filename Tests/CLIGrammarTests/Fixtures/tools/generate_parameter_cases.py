#!/usr/bin/env python3
"""Writes the shorthand and validation corpora in Tests/CLIGrammarTests/Fixtures/ from the real
AWS CLI shorthand parser and botocore's parameter validator installed on this machine.

- shorthand/syntax.json: text -> parsed value, or the error message. awscli 1.x formats syntax
  errors with a broken f-string; the message here is the AWS CLI v2 wording
  ("Expected: '=', received: 'EOF' for input:\\n<text>\\n<caret>"), built from the same exception.
- shorthand/model.json: (service, operation, member, words) -> the parameter after the AWS CLI's
  shorthand parsing and BackCompatVisitor fitted it to the member's shape.
- validation/cases.json: (service, operation, params) -> botocore's ParamValidationError text.
- skeleton/<service>.<operation>.json: `--generate-cli-skeleton` as the AWS CLI prints it, with
  botocore's ArgumentGenerator made to pick the first enum value instead of a random one.

Run from the repository root: python3 Tests/CLIGrammarTests/Fixtures/tools/generate_parameter_cases.py
"""
import json
import os

import botocore.session
from awscli import shorthand
from botocore.exceptions import ParamValidationError
from botocore.validate import validate_parameters

BASE = os.path.join("Tests", "CLIGrammarTests", "Fixtures")
session = botocore.session.get_session()

SYNTAX = [
    "foo=bar", "foo=bar,baz=qux", "foo=bar,baz", "foo=a,b,c", "foo=a,b,c=d", "foo=a,b,c=d,e", "foo=",
    "foo=bar,", "foo", "=bar", "foo = bar", "foo=bar baz", "foo=bar   ", "foo='bar,baz'", 'foo="bar,baz"',
    "foo='it\\'s'", 'foo="say \\"hi\\""', "foo=a\\,b", "foo=a\\,b,c", "foo=[a,b]", "foo=[]", "foo=[a, b ,c]",
    "foo={a=b,c=d}", "foo={a=[1,2],b={c=d}}", "foo=[{a=b},{a=c}]", "Key=a,Value=b", "a.b=c", "a#b=c",
    "a/b:c=d", "foo=bar,foo=baz", "foo=bar,,baz=qux", "foo=[a,b", "foo={a=b", "foo='unterminated",
    'foo="unterminated', "foo='a\\'", "foo=a=b", "foo=a b,c d", "foo=--bar", "foo=http://example.com/a?b=c",
    "foo=émoji ☃", "foo=\tbar", "foo=bar\n,baz=qux", "foo=bar,\nbaz==qux", "foo=a,,b", "foo=[a,[b,c]]",
    "foo=[,]", "foo={}", "foo={a=}", "foo=a,'b,c',d", "foo=a,\"b\",c", "foo=}", "foo=]", "foo=@x",
    "foo@=bar", "a=1,b=2,c=3", "Name=x,Values=a,b,c", "Name=x,Values=[a,b,c]",
]


def syntax_case(text):
    try:
        return {"input": text, "output": shorthand.ShorthandParser().parse(text)}
    except shorthand.DuplicateKeyInObjectError as e:
        return {"input": text, "error": str(e)}
    except shorthand.ShorthandParseSyntaxError as e:
        consumed, remaining, spaces = e.value, "", e.index
        if "\n" in e.value[: e.index]:
            spaces = e.index - e.value[: e.index].rindex("\n") - 1
        if "\n" in e.value[e.index:]:
            nl = e.index + e.value[e.index:].index("\n")
            consumed, remaining = e.value[:nl], e.value[nl:]
        msg = (f"Expected: '{e.expected}', received: '{e.actual}' for input:\n"
               f"{consumed}\n{' ' * spaces}^{remaining}")
        return {"input": text, "error": msg}


MODEL = [
    ("kms", "CreateKey", "Tags", ["TagKey=team,TagValue=payments", "TagKey=env,TagValue=prod"]),
    ("kms", "Encrypt", "EncryptionContext", ["app=web,tier=1"]),
    ("kms", "CreateGrant", "Constraints", ["EncryptionContextSubset={app=web},EncryptionContextEquals={a=b,c=d}"]),
    ("ec2", "CreateVolume", "TagSpecifications", ["ResourceType=volume,Tags=[{Key=Name,Value=data},{Key=env,Value=dev}]"]),
    ("dynamodb", "CreateTable", "AttributeDefinitions", ["AttributeName=id,AttributeType=S", "AttributeName=ts,AttributeType=N"]),
    ("dynamodb", "CreateTable", "KeySchema", ["AttributeName=id,KeyType=HASH"]),
    ("dynamodb", "CreateTable", "ProvisionedThroughput", ["ReadCapacityUnits=5,WriteCapacityUnits=10"]),
    ("dynamodb", "CreateTable", "SSESpecification", ["Enabled=true,SSEType=KMS,KMSMasterKeyId=alias/app"]),
    ("dynamodb", "CreateTable", "SSESpecification", ["Enabled=False"]),
    ("dynamodb", "CreateTable", "SSESpecification", ["Enabled=maybe"]),
    ("dynamodb", "PutItem", "Item", ["id={S=abc},n={N=1}"]),
    ("s3", "PutBucketEncryption", "ServerSideEncryptionConfiguration",
     ["Rules=[{ApplyServerSideEncryptionByDefault={SSEAlgorithm=aws:kms,KMSMasterKeyID=alias/s3},BucketKeyEnabled=true}]"]),
    ("ec2", "DescribeVolumes", "Filters", ["Name=encrypted,Values=true", "Name=size,Values=8,16"]),
    ("ec2", "DescribeVolumes", "Filters", ["Name=volume-type,Values=gp3"]),
    ("kms", "CreateKey", "Tags", ["TagKey=only"]),
]


def model_case(service, operation, member, words):
    shape = session.get_service_model(service).operation_model(operation).input_shape.members[member]
    parser = shorthand.ShorthandParser()
    if shape.type_name == "list":
        parsed = [parser.parse(w) for w in words]
    else:
        parsed = parser.parse(words[0])
    shorthand.BackCompatVisitor().visit(parsed, shape)
    return {"service": service, "operation": operation, "member": member, "words": words, "output": parsed}


VALIDATION = [
    ("kms", "DescribeKey", {"KeyId": ""}),
    ("kms", "DescribeKey", {}),
    ("kms", "DescribeKey", {"KeyId": "k", "Bogus": 1}),
    ("kms", "ListKeys", {"Limit": 0}),
    ("kms", "ListKeys", {"Limit": "ten"}),
    ("kms", "Encrypt", {"KeyId": "k", "Plaintext": "aGk=", "EncryptionContext": {"a": 1}}),
    ("kms", "Encrypt", {"KeyId": "k", "Plaintext": "aGk=", "GrantTokens": ["t", 5]}),
    ("kms", "CreateKey", {"Tags": [{"TagKey": "a"}, {"TagValue": "b", "Extra": True}]}),
    ("kms", "CreateKey", {"Tags": {"TagKey": "a"}}),
    ("kms", "CreateKey", {"MultiRegion": "yes"}),
    ("kms", "ScheduleKeyDeletion", {"KeyId": "k", "PendingWindowInDays": 0}),
    ("kms", "CreateGrant", {"KeyId": "k", "GranteePrincipal": "p", "Operations": []}),
    ("kms", "CreateGrant", {"KeyId": "k", "GranteePrincipal": "p", "Operations": ["Encrypt"], "Constraints": "x"}),
    ("cloudtrail", "LookupEvents", {"StartTime": "not a time"}),
    ("dynamodb", "CreateTable", {"TableName": "t", "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                                 "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                                 "ProvisionedThroughput": {"ReadCapacityUnits": 0, "WriteCapacityUnits": "5"}}),
    ("kms", "UpdateAlias", {"AliasName": "alias/x", "TargetKeyId": None}),
]


def validation_case(service, operation, params):
    shape = session.get_service_model(service).operation_model(operation).input_shape
    try:
        validate_parameters(params, shape)
        message = None
    except ParamValidationError as e:
        message = str(e)
    return {"service": service, "operation": operation, "params": params, "error": message}


SKELETONS = [("kms", "Encrypt"), ("kms", "CreateKey"), ("kms", "ListKeys"), ("dynamodb", "CreateTable"),
             ("s3", "PutBucketEncryption"), ("cloudtrail", "LookupEvents"), ("sts", "GetCallerIdentity")]


def skeleton(service, operation):
    import random
    from awscli.utils import json_encoder
    from botocore.utils import ArgumentGenerator
    random.choice = lambda seq: seq[0]
    shape = session.get_service_model(service).operation_model(operation).input_shape
    value = ArgumentGenerator().generate_skeleton(shape) if shape is not None else {}
    return json.dumps(value, indent=4, default=json_encoder) + "\n"


def main():
    for service, operation in SKELETONS:
        with open(os.path.join(BASE, "skeleton", f"{service}.{operation}.json"), "w") as f:
            f.write(skeleton(service, operation))
    for path, cases in [
        ("shorthand/syntax.json", [syntax_case(t) for t in SYNTAX]),
        ("shorthand/model.json", [model_case(*c) for c in MODEL]),
        ("validation/cases.json", [validation_case(*c) for c in VALIDATION]),
    ]:
        with open(os.path.join(BASE, path), "w", encoding="utf-8") as f:
            json.dump(cases, f, indent=2, ensure_ascii=False)
            f.write("\n")
        print(f"{path}: {len(cases)} cases")


if __name__ == "__main__":
    main()
