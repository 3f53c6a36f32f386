/*
 * Tests of firmware/device/watchdog against a stand-in for systemd: the test binds an AF_UNIX
 * datagram socket, points NOTIFY_SOCKET at it and reads what arrives, with the sender's PID from
 * SO_PASSCRED the way systemd checks NotifyAccess=main. A forked child plays the kiosk: it says
 * READY=1, pings at the interval watchdog_init() gave it, then stops as a hung main loop would;
 * the harness must count its pings and declare it overdue one WATCHDOG_USEC after the last.
 */
#define _GNU_SOURCE /* struct ucred */
#include "watchdog.h"
#include "vt_test.h"

#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WATCHDOG_USEC 3000000 /* 3 s: 1.5 s of slack per ping on a busy 2-core machine */
#define CHILD_PINGS 3

typedef struct {
    int fd;
    char path[108];
} Harness;

static int harness_open(Harness *h)
{
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    int on = 1;
    snprintf(h->path, sizeof h->path, "/tmp/vt-notify-%d.sock", (int)getpid());
    snprintf(a.sun_path, sizeof a.sun_path, "%s", h->path);
    unlink(h->path);
    h->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (h->fd < 0 || bind(h->fd, (struct sockaddr *)&a, sizeof a) < 0 ||
        setsockopt(h->fd, SOL_SOCKET, SO_PASSCRED, &on, sizeof on) < 0)
        return -1;
    setenv("NOTIFY_SOCKET", h->path, 1);
    return 0;
}

static void harness_close(Harness *h)
{
    close(h->fd);
    unlink(h->path);
    unsetenv("NOTIFY_SOCKET");
}

/* Waits up to timeout_ms for one datagram; returns 1 with its text and sender, 0 on timeout. */
static int harness_recv(Harness *h, int timeout_ms, char *msg, size_t len, pid_t *pid)
{
    struct pollfd p = {.fd = h->fd, .events = POLLIN};
    if (poll(&p, 1, timeout_ms) <= 0)
        return 0;
    char ctl[CMSG_SPACE(sizeof(struct ucred))];
    struct iovec iov = {.iov_base = msg, .iov_len = len - 1};
    struct msghdr mh = {
        .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl, .msg_controllen = sizeof ctl};
    ssize_t n = recvmsg(h->fd, &mh, 0);
    if (n < 0)
        return 0;
    msg[n] = '\0';
    *pid = -1;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_CREDENTIALS) {
            struct ucred cred;
            memcpy(&cred, CMSG_DATA(c), sizeof cred);
            *pid = cred.pid;
        }
    }
    return 1;
}

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void no_systemd_means_no_ops(void)
{
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    unsetenv("WATCHDOG_PID");
    CHECK_INT(watchdog_init(), 0);
    CHECK_INT(watchdog_ready(), 0);
    CHECK_INT(watchdog_ping(), 0);
    CHECK_INT(watchdog_status("idle"), 0);
    CHECK_INT(watchdog_stopping(), 0);
}

static void init_reads_the_environment(void)
{
    char pid[32];
    snprintf(pid, sizeof pid, "%d", (int)getpid());
    setenv("WATCHDOG_USEC", "30000000", 1);
    setenv("WATCHDOG_PID", pid, 1);
    CHECK_INT(watchdog_init(), 15000000);
    setenv("WATCHDOG_PID", "1", 1); /* meant for another process */
    CHECK_INT(watchdog_init(), 0);
    setenv("WATCHDOG_PID", pid, 1);
    setenv("WATCHDOG_USEC", "soon", 1);
    CHECK_INT(watchdog_init(), 0);
    unsetenv("WATCHDOG_USEC");
    unsetenv("WATCHDOG_PID");
}

static void messages_arrive_from_this_process(void)
{
    Harness h;
    char msg[256];
    pid_t from;
    CHECK_INT(harness_open(&h), 0);
    CHECK_INT(watchdog_ready(), 0);
    CHECK(harness_recv(&h, 2000, msg, sizeof msg, &from));
    CHECK_STR(msg, "READY=1");
    CHECK_INT(from, getpid());
    CHECK_INT(watchdog_status("showing pack 2025-06\nWATCHDOG=1"), 0);
    CHECK(harness_recv(&h, 2000, msg, sizeof msg, &from));
    CHECK_STR(msg, "STATUS=showing pack 2025-06");
    char pid[32];
    snprintf(pid, sizeof pid, "%d", (int)getpid());
    setenv("WATCHDOG_PID", pid, 1);
    setenv("WATCHDOG_USEC", "20000000", 1);
    CHECK_INT(watchdog_extend(60000000), 30000000); /* a CPU rasteriser asks for longer */
    CHECK(harness_recv(&h, 2000, msg, sizeof msg, &from));
    CHECK_STR(msg, "WATCHDOG_USEC=60000000");
    unsetenv("WATCHDOG_USEC");
    CHECK_INT(watchdog_extend(60000000), 0); /* not supervised: nothing asked */
    CHECK_INT(watchdog_stopping(), 0);
    CHECK(harness_recv(&h, 2000, msg, sizeof msg, &from));
    CHECK_STR(msg, "STOPPING=1");
    harness_close(&h);
    setenv("NOTIFY_SOCKET", "/tmp/vt-no-such-notify.sock", 1);
    CHECK_INT(watchdog_ping(), -1);
    unsetenv("NOTIFY_SOCKET");
}

/* The pretend kiosk: ready, a few pings at the given interval, then hung. */
static void child_run(void)
{
    char pid[32];
    snprintf(pid, sizeof pid, "%d", (int)getpid());
    setenv("WATCHDOG_PID", pid, 1);
    uint64_t every = watchdog_init();
    if (every == 0)
        _exit(3);
    watchdog_ready();
    for (int i = 0; i < CHILD_PINGS; i++) {
        usleep((useconds_t)every);
        watchdog_ping();
    }
    for (;;)
        pause();
}

static void harness_detects_a_hung_process(void)
{
    Harness h;
    char msg[256], usec[32];
    pid_t from;
    CHECK_INT(harness_open(&h), 0);
    snprintf(usec, sizeof usec, "%d", WATCHDOG_USEC);
    setenv("WATCHDOG_USEC", usec, 1);
    pid_t child = fork();
    if (child == 0)
        child_run();
    int ready = 0, pings = 0, stray = 0, overdue = 0;
    long long last = now_ms(), deadline_ms = WATCHDOG_USEC / 1000;
    while (!overdue) {
        long long left = last + (ready ? deadline_ms : 5000) - now_ms();
        if (left < 0 || !harness_recv(&h, (int)left, msg, sizeof msg, &from)) {
            overdue = 1; /* what systemd does here: SIGABRT, then Restart=always */
            break;
        }
        if (from != child)
            stray++;
        else if (strcmp(msg, "READY=1") == 0)
            ready++, last = now_ms();
        else if (strcmp(msg, "WATCHDOG=1") == 0 && ready)
            pings++, last = now_ms();
    }
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    CHECK_INT(ready, 1);
    CHECK_INT(pings, CHILD_PINGS);
    CHECK_INT(stray, 0);
    CHECK_INT(overdue, 1);
    unsetenv("WATCHDOG_USEC");
    harness_close(&h);
}

int main(void)
{
    RUN(no_systemd_means_no_ops);
    RUN(init_reads_the_environment);
    RUN(messages_arrive_from_this_process);
    RUN(harness_detects_a_hung_process);
    return vt_test_finish();
}
