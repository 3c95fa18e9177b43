// The verbs run in process, and several of them train: concurrent trainings in one process share
// libtorch's global state (its default generator, its intra-op thread pool that each run sizes with
// torch.set_num_threads), and two of them side by side have been seen to fail inside Adam.step
// now and then. One verb at a time keeps these end-to-end runs deterministic.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
