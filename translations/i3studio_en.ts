<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DeviceName</name>
    <message numerus="yes">
        <source>CPU (%n core(s))</source>
        <translation>
            <numerusform>CPU (%n core)</numerusform>
            <numerusform>CPU (%n cores)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectPanel</name>
    <message numerus="yes">
        <source>%Ln checkpoint(s), from step %1 to %2.</source>
        <translation>
            <numerusform>%Ln checkpoint, from step %1 to %2.</numerusform>
            <numerusform>%Ln checkpoints, from step %1 to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tokens through %1 blocks.</source>
        <translation>
            <numerusform>%Ln token through %1 blocks.</numerusform>
            <numerusform>%Ln tokens through %1 blocks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln channels: mean %L1, from %L2 to %L3; </source>
        <translation>
            <numerusform>%Ln channel: mean %L1, from %L2 to %L3; </numerusform>
            <numerusform>%Ln channels: mean %L1, from %L2 to %L3; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln below 0 (h flips its sign each token), </source>
        <translation>
            <numerusform>%Ln below 0 (h flips its sign each token), </numerusform>
            <numerusform>%Ln below 0 (h flips its sign each token), </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln above 1 (h grows).</source>
        <translation>
            <numerusform>%Ln above 1 (h grows).</numerusform>
            <numerusform>%Ln above 1 (h grows).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln on the unit circle: kept for ever.</source>
        <translation>
            <numerusform>%Ln on the unit circle: kept for ever.</numerusform>
            <numerusform>%Ln on the unit circle: kept for ever.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln outside the unit circle: no half-life, s grows along them.</source>
        <translation>
            <numerusform>%Ln outside the unit circle: no half-life, s grows along them.</numerusform>
            <numerusform>%Ln outside the unit circle: no half-life, s grows along them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectionJob</name>
    <message numerus="yes">
        <source>The prompt has %Ln tokens; the model&apos;s context holds %L1.</source>
        <translation>
            <numerusform>The prompt has %Ln token; the model&apos;s context holds %L1.</numerusform>
            <numerusform>The prompt has %Ln tokens; the model&apos;s context holds %L1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Inspecting %Ln tokens…</source>
        <translation>
            <numerusform>Inspecting %Ln token…</numerusform>
            <numerusform>Inspecting %Ln tokens…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlaygroundPanel</name>
    <message numerus="yes">
        <source>%n token(s) · %1 tokens/s</source>
        <translation>
            <numerusform>%n token · %1 tokens/s</numerusform>
            <numerusform>%n tokens · %1 tokens/s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProbePanel</name>
    <message numerus="yes">
        <source>Stopped after %n context(s).</source>
        <translation>
            <numerusform>Stopped after %n context.</numerusform>
            <numerusform>Stopped after %n contexts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n context(s) measured.</source>
        <translation>
            <numerusform>Done: %n context measured.</numerusform>
            <numerusform>Done: %n contexts measured.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunBrowser</name>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>%n d ago</numerusform>
            <numerusform>%n d ago</numerusform>
        </translation>
    </message>
</context>
</TS>
