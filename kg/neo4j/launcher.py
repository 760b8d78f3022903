"""Build the Java launcher in ``neo4j/launcher`` once, and give the command that runs it.

The launcher is one Java class that runs Neo4j Community 5.26 embedded (Maven artifact
``org.neo4j:neo4j``). ``mvn -q -B package`` compiles it and writes ``target/classpath.txt``
listing the Neo4j jars in ``~/.m2``; later starts reuse the build until ``pom.xml`` or the
Java source changes. A file lock keeps parallel test workers from building at once.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
from pathlib import Path

from kg.errors import KgError

__all__ = ["LAUNCHER_CLASS", "build_launcher", "java_command", "launcher_dir"]

LAUNCHER_CLASS = "kg.neo4j.Launcher"
_STAMP = ".kg-built"
_JVM_OPTIONS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
]


def launcher_dir() -> Path:
    """The Maven project: ``$KG_NEO4J_LAUNCHER``, else ``neo4j/launcher`` next to the package."""
    env = os.environ.get("KG_NEO4J_LAUNCHER")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "neo4j" / "launcher"


def _tool(name: str, hint: str) -> str:
    path = shutil.which(name)
    if not path:
        raise KgError(f"{name} not found on PATH: {hint}")
    return path


def _java() -> str:
    java = _tool("java", "install a Java 17+ JDK (e.g. apt-get install openjdk-17-jdk-headless)")
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr
    match = re.search(r'version "(\d+)', out)
    if match and int(match[1]) < 17:
        raise KgError(f"Neo4j 5 needs Java 17 or newer; {java} is Java {match[1]}")
    return java


def _outputs(project: Path) -> tuple[Path, Path]:
    return project / "target" / "classes", project / "target" / "classpath.txt"


def _stale(project: Path) -> bool:
    classes, classpath = _outputs(project)
    stamp = project / "target" / _STAMP
    if not (classpath.is_file() and stamp.is_file() and (classes / "kg" / "neo4j" / "Launcher.class").is_file()):
        return True
    built = stamp.stat().st_mtime
    sources = [project / "pom.xml", *(project / "src").rglob("*.java")]
    if any(p.stat().st_mtime > built for p in sources):
        return True
    return not all(Path(jar).is_file() for jar in classpath.read_text().strip().split(os.pathsep))


def build_launcher(*, force: bool = False) -> Path:
    """Build the launcher if needed (``mvn -q -B package``); return its project folder."""
    project = launcher_dir()
    if not (project / "pom.xml").is_file():
        raise KgError(f"{project}: the Neo4j launcher project (pom.xml) is missing")
    if not force and not _stale(project):
        return project
    mvn = _tool("mvn", "install Maven 3.8+ (e.g. apt-get install maven) to build the Neo4j launcher")
    _java()
    (project / "target").mkdir(exist_ok=True)
    with open(project / "target" / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if force or _stale(project):
            done = subprocess.run([mvn, "-q", "-B", "package"], cwd=project, capture_output=True, text=True,
                                  check=False)
            if done.returncode == 0:
                (project / "target" / _STAMP).touch()
            if done.returncode != 0 or _stale(project):
                lines = [ln for ln in (done.stdout + done.stderr).splitlines() if "ERROR" in ln] or ["(no output)"]
                reason = re.sub(r"\x1b\[[0-9;]*m", "", lines[0]).strip()
                raise KgError(f"building the Neo4j launcher failed (mvn package in {project}): {reason}")
    return project


def java_command(*, heap: str = "2g") -> list[str]:
    """``java … kg.neo4j.Launcher`` with the built classpath (builds first if needed)."""
    java = _java()
    project = build_launcher()
    classes, classpath = _outputs(project)
    if not re.fullmatch(r"\d+[kmgKMG]?", heap):
        raise KgError(f"--heap {heap!r}: give a JVM size such as 2g or 512m")
    cp = os.pathsep.join([str(classes), classpath.read_text().strip()])
    return [java, f"-Xmx{heap}", *_JVM_OPTIONS, "-cp", cp, LAUNCHER_CLASS]
