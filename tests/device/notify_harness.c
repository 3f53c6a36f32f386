/*
 * notify_harness: runs a program the way vitrine.service does (Type=notify, WatchdogSec=) and
 * checks it keeps its side of the protocol, without systemd.
 *
 *   notify_harness WATCHDOG_USEC -- PROGRAM [ARGS...]
 *
 * It binds an AF_UNIX datagram socket, starts PROGRAM with NOTIFY_SOCKET, WATCHDOG_USEC and
 * WATCHDOG_PID (its own PID, set in the child before exec) in the environment, and reads what
 * arrives until PROGRAM exits. It passes (exit 0) when PROGRAM exited 0, sent READY=1, and never
 * went longer than WATCHDOG_USEC after READY=1 without a WATCHDOG=1; a program that hangs is
 * killed (SIGABRT, as systemd does) once it is overdue and the harness fails. Messages from other
 * processes are ignored, like NotifyAccess=main. Under a cross build, put the emulator before
 * PROGRAM (the harness itself then runs under it too; qemu passes the exec of qemu through).
 */
#define _GNU_SOURCE /* struct ucred */
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    int ready, pings, overdue;
    long long last_ms, worst_gap_ms;
} VtNotifyLog;

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static int socket_open(char *path, size_t len)
{
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    int on = 1, fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    snprintf(path, len, "/tmp/vt-harness-%d.sock", (int)getpid());
    snprintf(a.sun_path, sizeof a.sun_path, "%s", path);
    unlink(path);
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) < 0 ||
        setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &on, sizeof on) < 0) {
        perror("notify_harness: socket");
        return -1;
    }
    return fd;
}

/* Reads one datagram; returns its sender's PID (-1 unknown) with the text in msg. */
static pid_t message_read(int fd, char *msg, size_t len)
{
    char ctl[CMSG_SPACE(sizeof(struct ucred))];
    struct iovec iov = {.iov_base = msg, .iov_len = len - 1};
    struct msghdr mh = {
        .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl, .msg_controllen = sizeof ctl};
    ssize_t n = recvmsg(fd, &mh, MSG_DONTWAIT);
    msg[n > 0 ? n : 0] = '\0';
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); n > 0 && c; c = CMSG_NXTHDR(&mh, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_CREDENTIALS) {
            struct ucred cred;
            memcpy(&cred, CMSG_DATA(c), sizeof cred);
            return cred.pid;
        }
    }
    return -1;
}

static void message_note(VtNotifyLog *log, const char *msg)
{
    long long t = now_ms();
    const char *status = strstr(msg, "STATUS=");
    if (status) /* shown, so a test can match what systemctl status would say */
        printf("notify_harness: %.*s\n", (int)strcspn(status, "\n"), status);
    /* One datagram may hold several newline-separated assignments. */
    int ready = strstr(msg, "READY=1") != NULL, ping = strstr(msg, "WATCHDOG=1") != NULL;
    if (!ready && !ping)
        return;
    if (log->ready && t - log->last_ms > log->worst_gap_ms)
        log->worst_gap_ms = t - log->last_ms;
    log->ready += ready;
    log->pings += ping;
    log->last_ms = t;
}

static pid_t child_start(char **argv, const char *sock, const char *usec)
{
    pid_t pid = fork();
    if (pid != 0)
        return pid;
    char mypid[32];
    snprintf(mypid, sizeof mypid, "%d", (int)getpid());
    setenv("NOTIFY_SOCKET", sock, 1);
    setenv("WATCHDOG_USEC", usec, 1);
    setenv("WATCHDOG_PID", mypid, 1);
    execvp(argv[0], argv);
    perror("notify_harness: exec");
    _exit(127);
}

static void messages_drain(int fd, pid_t child, VtNotifyLog *log)
{
    char msg[512];
    for (;;) {
        pid_t from = message_read(fd, msg, sizeof msg);
        if (msg[0] == '\0')
            return;
        if (from == child)
            message_note(log, msg);
    }
}

/* Watches until the child exits (or is killed for being overdue); returns its wait status. */
static int child_watch(pid_t child, int fd, long long limit_ms, VtNotifyLog *log)
{
    int status = 0;
    log->last_ms = now_ms();
    for (;;) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (poll(&p, 1, 50) > 0)
            messages_drain(fd, child, log);
        if (waitpid(child, &status, WNOHANG) == child)
            return status;
        if (log->ready && now_ms() - log->last_ms > limit_ms && !log->overdue) {
            log->overdue = 1;
            kill(child, SIGABRT);
        }
    }
}

int main(int argc, char **argv)
{
    if (argc < 4 || strcmp(argv[2], "--") != 0) {
        fprintf(stderr, "usage: notify_harness WATCHDOG_USEC -- PROGRAM [ARGS...]\n");
        return 2;
    }
    long long limit_ms = atoll(argv[1]) / 1000;
    char path[108];
    int fd = socket_open(path, sizeof path);
    if (fd < 0 || limit_ms <= 0)
        return 2;
    VtNotifyLog log = {0};
    pid_t child = child_start(argv + 3, path, argv[1]);
    int status = child < 0 ? -1 : child_watch(child, fd, limit_ms, &log);
    close(fd);
    unlink(path);
    int exited_ok = status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    printf("notify_harness: READY=1 x%d, WATCHDOG=1 x%d, longest gap %lld ms (limit %lld ms)%s, "
           "exit %s\n",
           log.ready, log.pings, log.worst_gap_ms, limit_ms, log.overdue ? ", OVERDUE" : "",
           exited_ok ? "0" : "not 0");
    int ok = exited_ok && log.ready == 1 && !log.overdue;
    printf("%d passed, %d failed\n", ok, !ok);
    return ok ? 0 : 1;
}
