import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// A small ext4 disk in a file, so a test can cut the power under a running host: the disk's
// contents are read straight from the block device, which holds only what the kernel has written
// so far, never the dirty pages still waiting in memory.

const TOOLS = ['losetup', 'mkfs.ext4', 'mount', 'umount', 'e2fsck', 'dd', 'sync'];

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
  return result.stdout.trim();
}

/** Why power cuts cannot be simulated on this machine, or null when they can. */
export function powerCutUnavailable(): string | null {
  if (process.platform !== 'linux') return `loop devices and ext4 need Linux, this is ${process.platform}`;
  if (process.getuid?.() !== 0) return 'attaching loop devices and mounting needs root';
  // Root inside a container may still be refused mounts.
  const effective = /CapEff:\s*([0-9a-f]+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  if (!effective || (BigInt(`0x${effective}`) & (1n << 21n)) === 0n) return 'mounting needs CAP_SYS_ADMIN, which this process lacks';
  const missing = TOOLS.filter((tool) => spawnSync('which', [tool]).status !== 0);
  if (missing.length > 0) return `${missing.join(', ')} not installed (apt-get install util-linux e2fsprogs coreutils)`;
  const probe = spawnSync('losetup', ['--find'], { encoding: 'utf8' });
  if (probe.status !== 0) return `no free loop device (${probe.stderr.trim()})`;
  return null;
}

export interface LoopDisk {
  /** Where the file system is mounted. */
  mountPoint: string;
  /** Writes everything written so far to the disk, as a clean moment before the test begins. */
  flush(): void;
  /** Copies the disk as a power cut would leave it: only what reached the device. */
  snapshot(image: string): void;
  /** Unmounts and detaches; safe to call more than once and after a failure. */
  remove(): void;
}

function attach(image: string, mountPoint: string, mountOptions: string): LoopDisk {
  const device = run('losetup', ['--find', '--show', image]);
  try {
    mkdirSync(mountPoint, { recursive: true });
    run('mount', ['-t', 'ext4', '-o', mountOptions, device, mountPoint]);
  } catch (error) {
    spawnSync('losetup', ['-d', device]);
    throw error;
  }
  let mounted = true;
  return {
    mountPoint,
    flush: () => run('sync', ['-f', mountPoint]),
    snapshot: (to) => run('dd', [`if=${device}`, `of=${to}`, 'bs=1M', 'iflag=direct', 'status=none']),
    remove() {
      if (!mounted) return;
      // A process killed a moment ago may still hold files open for a few milliseconds.
      if (spawnSync('umount', [mountPoint]).status !== 0) spawnSync('umount', ['-l', mountPoint]);
      spawnSync('losetup', ['-d', device]);
      mounted = false;
    },
  };
}

/**
 * Formats a fresh ext4 disk image and mounts it. The journal commits only every 10 minutes
 * (commit=600), so nothing but an explicit fsync puts a change on the disk during a test.
 */
export function createLoopDisk(folder: string, sizeMb = 64): LoopDisk {
  const image = join(folder, 'disk.img');
  writeFileSync(image, '');
  truncateSync(image, sizeMb * 1024 * 1024);
  // Initialised up front, so no background zeroing writes to the disk while the test runs.
  run('mkfs.ext4', ['-q', '-F', '-E', 'lazy_itable_init=0,lazy_journal_init=0', image]);
  return attach(image, join(folder, 'mnt'), 'commit=600');
}

/**
 * Repairs a power-cut image as the next boot would (journal replayed, e2fsck -fy) and mounts it.
 */
export function mountRecovered(image: string, mountPoint: string): LoopDisk {
  const check = spawnSync('e2fsck', ['-fy', image], { encoding: 'utf8' });
  // 0: clean, 1: errors corrected, 2: corrected and the system should reboot; anything else failed.
  if (check.status === null || check.status > 2) throw new Error(`e2fsck could not repair the image (${check.status}): ${check.stdout}${check.stderr}`);
  return attach(image, mountPoint, 'defaults');
}
