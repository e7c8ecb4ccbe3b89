#!/usr/bin/env bash
# Speed a user feels: start to prompt, and a one-shot `kmsdrill -c 'kms encrypt ...'`.
# Prints figures measured in one run (hyperfine for whole commands; a pseudo-terminal driver
# for the time until the REPL's prompt appears). Needs hyperfine (apt-get install hyperfine)
# and python3 with pexpect (on this machine kind).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
swift build -c release --product kmsdrill >/dev/null
bin="$root/.build/release/kmsdrill"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
key=$("$bin" --home "$home" -c 'kms create-key --query KeyMetadata.KeyId --output text')
"$bin" --home "$home" -c "kms create-alias --alias-name alias/app --target-key-id $key"
printf 'secret' > "$home/work/secret.txt"

commands=("$bin --home $home -c 'kms encrypt --key-id alias/app --plaintext fileb://secret.txt'"
          "$bin --home $home -c 'kms list-keys'"
          "$bin --home $home --version")
if command -v aws >/dev/null; then commands+=("aws --version"); fi
hyperfine -N --warmup 5 --runs 50 "${commands[@]}"

python3 - "$bin" "$home" <<'PY'
import os, pty, select, statistics, sys, time
bin, home = sys.argv[1], sys.argv[2]

def time_to_prompt(argv, prompt=b"kmsdrill (default)> "):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, {"TERM": "vt100", "PATH": "/usr/bin:/bin"})
    seen = b""
    while prompt not in seen:
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            raise SystemExit("no prompt within 5 s")
        seen += os.read(fd, 4096)
    elapsed = (time.perf_counter() - start) * 1000
    # Leave as a person would: Ctrl-D a moment after the prompt (libedit may drop type-ahead).
    time.sleep(0.05)
    os.write(fd, b"\x04")
    for _ in range(100):
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.02)
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(fd)
    return elapsed

base = [time_to_prompt(["/bin/sh", "-c", "printf 'kmsdrill (default)> '; cat"]) for _ in range(20)]
repl = [time_to_prompt([bin, "--home", home]) for _ in range(30)]
print(f"start to prompt (REPL on a pty): median {statistics.median(repl):.1f} ms, max {max(repl):.1f} ms over {len(repl)} runs "
      f"(a shell printing a prompt the same way: median {statistics.median(base):.1f} ms)")
PY
