#pragma once
// What a thread opens around its share of one broadcast. PubSub names none of it: a thread that
// serves sockets installs its scopes (frames sent together, rows rendered once, diffs encoded
// once) and every batch of views PubSub hands that thread is handled inside them.

#include <cstddef>
#include <new>
#include <vector>

namespace liveview::internal {

class DeliveryScope
{
public:
    // For the calling thread: a `T` is default-constructed before the first view of each batch
    // handles the message and destroyed after the last. Scopes open in the order installed and
    // close in reverse. Installing a type again does nothing. No allocation per batch: the
    // scopes live in this object's storage, on the delivering stack.
    template <typename T> static void install()
    {
        static_assert(sizeof(T) <= storageBytes && alignof(T) <= alignof(std::max_align_t));
        installHook({&open<T>, &close<T>, sizeof(T), alignof(T), 0});
    }
    // This thread's scopes go (a thread that ends drops its own). Not while a batch is open.
    static void uninstallAll();

    // Opens this thread's scopes for its lifetime (PubSub, around one batch).
    DeliveryScope();
    ~DeliveryScope();
    DeliveryScope(const DeliveryScope &) = delete;
    DeliveryScope &operator=(const DeliveryScope &) = delete;

    static constexpr size_t storageBytes = 256;

private:
    struct Hook
    {
        void (*open)(void *at);
        void (*close)(void *at);
        size_t size;
        size_t align;
        size_t offset; // in the storage, set by installHook
    };
    static void installHook(Hook hook);
    static std::vector<Hook> &threadHooks();
    template <typename T> static void open(void *at) { new (at) T; }
    template <typename T> static void close(void *at) { static_cast<T *>(at)->~T(); }

    alignas(std::max_align_t) std::byte m_storage[storageBytes];
    size_t m_opened = 0;
};

} // namespace liveview::internal
