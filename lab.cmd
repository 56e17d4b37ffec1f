@REM ./lab for Windows: Kafka Lab's command (lab help). Its logic is Java, in lab-cli\ (lab.cli.Lab); this
@REM launcher, like mvnw.cmd, only finds Java, builds the command when its sources changed, and starts it.
@echo off
setlocal
set "ROOT=%~dp0"
set "ROOT=%ROOT:~0,-1%"

where java >nul 2>nul
if errorlevel 1 (
  echo lab: Java is not installed. Install a JDK 17 or newer, put it on PATH, then try again. 1>&2
  exit /b 1
)

if not exist "%ROOT%\lab-cli\target\classes\lab\cli\Launch.class" call :build || exit /b 1
call :run %*
if %ERRORLEVEL% EQU 75 (
  call :build || exit /b 1
  call :run %*
)
exit /b %ERRORLEVEL%

:run
java "-Dlab.root=%ROOT%" -cp "%ROOT%\lab-cli\target\classes" lab.cli.Launch %*
exit /b %ERRORLEVEL%

:build
echo Building the lab's command (on the first run Maven also downloads Kafka and friends: a minute or two) ... 1>&2
echo   $ mvnw.cmd -q -pl lab-cli -am compile 1>&2
call "%ROOT%\mvnw.cmd" -q -B -ntp -f "%ROOT%\pom.xml" -pl lab-cli -am compile 1>&2
if errorlevel 1 (
  echo lab: building the lab's command failed, see above. 1>&2
  exit /b 1
)
copy /b "%ROOT%\lab-cli\target\lab-classpath.txt"+,, "%ROOT%\lab-cli\target\lab-classpath.txt" >nul
exit /b 0
