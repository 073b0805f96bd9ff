"""Wallets on disk, both ways, with no chain: what btcli (bittensor-cli 9.23.2) writes, Taonet reads,
and what Taonet's CLI writes, btcli and bittensor_wallet read, including a `$NACL`-encrypted coldkey.
A mnemonic printed by one regenerates the same keys in the other."""

import re

import pytest
from bittensor_wallet import Keypair, Wallet

from taonet_harness import python_cli, taonet_cli

BTCLI = "bittensor_cli.cli"


def mnemonic_after(label: str, text: str) -> str:
    m = re.search(rf"The mnemonic to the new {label} is: ([a-z ]+)", text)
    assert m is not None, text
    return m.group(1).strip()


@pytest.fixture
def home(tmp_path):
    (tmp_path / "home").mkdir()
    return tmp_path / "home"


def test_a_btcli_wallet_opens_in_taonet(tmp_path, home):
    root = str(tmp_path / "wallets")
    run = python_cli(
        BTCLI, "wallet", "create", "--wallet-path", root, "--wallet-name", "w1", "--hotkey", "h1",
        "--n-words", "12", "--no-use-password", "--json-output", home=home,
    )
    assert run.returncode == 0 and run.json is not None and run.json["success"], run.stdout + run.stderr
    cold, hot = run.json["data"]["coldkey_ss58"], run.json["data"]["hotkey_ss58"]

    listed = taonet_cli("wallet", "list", "--wallet-path", root)
    (w1,) = [w for w in listed["wallets"] if w["name"] == "w1"]
    assert w1["coldkey"] == cold
    assert {"name": "h1", "ss58": hot} in w1["hotkeys"]

    # btcli's mnemonics regenerate the same keys in Taonet.
    regen = taonet_cli(
        "wallet", "regen-coldkey", "--mnemonic", mnemonic_after("coldkey", run.stdout), "--no-password",
        "--wallet-path", root, "--wallet-name", "copy",
    )
    assert regen["data"]["coldkey_ss58"] == cold
    regen_hot = taonet_cli(
        "wallet", "regen-hotkey", "--mnemonic", mnemonic_after("hotkey", run.stdout),
        "--wallet-path", root, "--wallet-name", "copy", "--hotkey", "h1",
    )
    assert regen_hot["data"]["hotkey_ss58"] == hot


def test_a_taonet_wallet_opens_in_btcli_and_bittensor_wallet(tmp_path, home):
    root = str(tmp_path / "wallets")
    made = taonet_cli("wallet", "create", "--no-password", "--wallet-path", root, "--wallet-name", "w2", "--hotkey", "h2")
    cold, hot = made["data"]["coldkey_ss58"], made["data"]["hotkey_ss58"]

    w = Wallet(name="w2", hotkey="h2", path=root)
    assert w.coldkeypub.ss58_address == cold
    assert w.coldkey.ss58_address == cold  # the secret file, unencrypted
    assert w.hotkey.ss58_address == hot
    signature = w.hotkey.sign(b"taonet")
    assert Keypair(ss58_address=hot).verify(b"taonet", signature)
    assert Keypair.create_from_mnemonic(made["coldkeyMnemonic"]).ss58_address == cold
    assert Keypair.create_from_mnemonic(made["hotkeyMnemonic"]).ss58_address == hot

    run = python_cli(BTCLI, "wallet", "list", "--wallet-path", root, "--json-output", home=home)
    assert run.returncode == 0 and run.json is not None, run.stdout + run.stderr
    text = str(run.json)
    assert cold in text and hot in text and "w2" in text


def test_a_taonet_encrypted_coldkey_decrypts_in_bittensor_wallet(tmp_path):
    root = str(tmp_path / "wallets")
    made = taonet_cli(
        "wallet", "create", "--wallet-path", root, "--wallet-name", "w3", env={"TAONET_PASSWORD": "correct horse 42"}
    )
    assert made["data"]["encrypted"] is True
    w = Wallet(name="w3", hotkey="default", path=root)
    assert w.coldkey_file.is_encrypted()
    # One decryption only: each is an Argon2i SENSITIVE derivation (512 MiB, seconds of CPU).
    assert w.get_coldkey(password="correct horse 42").ss58_address == made["data"]["coldkey_ss58"]
