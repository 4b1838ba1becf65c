/**
 * Preloaded into every supervised child: children run in their own process group (so a terminal Ctrl-C reaches
 * only the launcher, which stops them in order); if the launcher dies without stopping them, the IPC channel
 * closes and the child stops itself instead of lingering as an orphan.
 */
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
