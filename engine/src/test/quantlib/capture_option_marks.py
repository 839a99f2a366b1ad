#!/usr/bin/env python3
"""Black-76 inputs of every option ticker of a Deribit multicast capture (pcapng), for the QuantLib oracle.

Independent of the engine's decoder: walks the pcapng blocks, Ethernet/IPv4/UDP, the 8-byte Deribit frame header
and every SBE message (12-byte header), keeps instrument names and expiries (templates 1000 and 1010), the last
mark per instrument (ticker 1003) and the last coin_usd index (1008), and for each option ticker writes
name,call,forward,strike,years,price: forward = the last mark of the dated future of the option's coin and expiry
when it has one, else the coin's index; years = (expiry - ticker time) / 365 days; price in USD = mark x forward for
an inverse (coin-settled) option, the mark for a linear one. Usage: capture_option_marks.py FILE.pcapng > inputs.csv
"""
import struct
import sys

YEAR_MS = 365.0 * 86400.0 * 1000.0


def packets(data):
    offset = 0
    while offset + 12 <= len(data):
        block_type, length = struct.unpack_from('<II', data, offset)
        if block_type == 6:
            caplen = struct.unpack_from('<I', data, offset + 20)[0]
            yield data[offset + 28:offset + 28 + caplen]
        offset += length


def udp_payload(frame):
    ether = struct.unpack_from('>H', frame, 12)[0]
    ip = 14
    if ether == 0x8100:
        ether = struct.unpack_from('>H', frame, 16)[0]
        ip = 18
    if ether != 0x0800 or frame[ip + 9] != 17:
        return None
    udp = ip + (frame[ip] & 0x0F) * 4
    length = struct.unpack_from('>H', frame, udp + 4)[0]
    return frame[udp + 8:udp + length]


def main(path):
    data = open(path, 'rb').read()
    names, expiry, mark, index = {}, {}, {}, {}
    print('name,call,forward,strike,years,price')
    for frame in packets(data):
        payload = udp_payload(frame)
        if payload is None or len(payload) < 8:
            continue
        end = 8 + struct.unpack_from('<H', payload, 0)[0]
        offset = 8
        while offset + 12 <= end:
            block, template, _, _, groups, var = struct.unpack_from('<6H', payload, offset)
            body = offset + 12
            position = body + block
            for _ in range(groups):
                entry, count = struct.unpack_from('<2H', payload, position)
                position += 8 + entry * count
            if template in (1000, 1010):
                instrument = struct.unpack_from('<I', payload, body)[0]
                expiry_at = 60 if template == 1000 else 59
                expiry[instrument] = struct.unpack_from('<Q', payload, body + expiry_at)[0]
                names[instrument] = payload[position + 1:position + 1 + payload[position]].decode()
            elif template == 1008:
                name = payload[body:body + 16].split(b'\0')[0].decode()
                coin, _, quote = name.partition('_')
                if quote == 'usd':
                    index[coin.upper()] = struct.unpack_from('<d', payload, body + 16)[0]
            elif template == 1003:
                instrument, = struct.unpack_from('<I', payload, body)
                time_ms, = struct.unpack_from('<Q', payload, body + 5)
                mark[instrument], = struct.unpack_from('<d', payload, body + 53)
                option(names, expiry, mark, index, instrument, time_ms)
            for _ in range(var):
                position += 1 + payload[position]
            offset = position


def option(names, expiry, mark, index, instrument, time_ms):
    name = names.get(instrument)
    if name is None or name.count('-') != 3:
        return
    prefix, date, strike, kind = name.split('-')
    coin = prefix.split('_')[0]
    futures = [i for i, n in names.items() if n == coin + '-' + date and mark.get(i, 0.0) > 0.0]
    forward = mark[futures[0]] if futures else index.get(coin)
    years = (expiry[instrument] - time_ms) / YEAR_MS
    if forward is None or not mark[instrument] >= 0.0 or years <= 0.0:
        return
    price = mark[instrument] * forward if '_' not in prefix else mark[instrument]
    print(f'{name},{1 if kind == "C" else 0},{forward!r},{float(strike.replace("d", "."))!r},{years!r},{price!r}')


if __name__ == '__main__':
    main(sys.argv[1])
