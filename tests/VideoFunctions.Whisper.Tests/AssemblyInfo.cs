// The server processes transcribe on the CPU; one class at a time keeps this project to about a core while
// the pipeline's tests (timing-sensitive crash-recovery ones among them) run beside it on the same machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
